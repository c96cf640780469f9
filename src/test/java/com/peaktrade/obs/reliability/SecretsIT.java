package com.peaktrade.obs.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.peaktrade.obs.standin.ServiceAccountTokens;
import com.peaktrade.obs.testing.CliProcess;
import com.peaktrade.obs.testing.EngineExtension;
import com.peaktrade.obs.testing.TestEngine;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The Grafana password and service-account tokens never appear in anything the tool prints or writes, on any path. */
@ExtendWith(EngineExtension.class)
class SecretsIT {
    @TempDir
    Path tmp;

    @Test
    void passwordsAndTokensFromFilesOrTheEnvironmentNeverAppearInAnyOutputOrReport(TestEngine engine) throws Exception {
        String password = "Pw-" + UUID.randomUUID() + "-s3cret";
        String project = engine.project() + "-secrets";
        Path pwFile = tmp.resolve("grafana-password");
        Files.writeString(pwFile, password + "\n");
        Map<String, String> env = engine.stackEnv(tmp);
        Map<String, String> envWithPassword = new HashMap<>(env);
        envWithPassword.put("GRAFANA_ADMIN_PASSWORD", password);
        Map<String, String> envWithAuth = new HashMap<>(env);
        envWithAuth.put("GRAFANA_AUTH", "admin:" + password);

        List<CliProcess.Result> runs = new ArrayList<>();
        CliProcess.Result up = CliProcess.run(env, tmp, "--debug", "shadow", "up", "-p", project,
                "--grafana-password-file", pwFile.toString());
        assertThat(up.exitCode()).as(up.toString()).isZero();
        runs.add(up);
        Path json = tmp.resolve("report.json");
        Path junit = tmp.resolve("report.xml");
        CliProcess.Result verify = CliProcess.run(env, tmp, "--debug", "shadow", "verify", "-p", project, "-v",
                "--report", junit.toString());
        assertThat(verify.out()).as(verify.toString()).endsWith("RESULT=PASS\n");
        runs.add(verify);
        runs.add(CliProcess.run(envWithPassword, tmp, "shadow", "verify", "-p", project, "--format", "json",
                "--report", json.toString(), "--report-format", "json"));
        runs.add(CliProcess.run(envWithAuth, tmp, "shadow", "verify", "-p", project, "--format", "junit", "-v"));
        // a wrong password on the error path, with --debug
        Path wrong = tmp.resolve("wrong");
        Files.writeString(wrong, password + "-wrong");
        runs.add(CliProcess.run(env, tmp, "--debug", "shadow", "verify", "-p", project, "--no-wait", "-v",
                "--grafana-password-file", wrong.toString()));
        runs.add(CliProcess.run(env, tmp, "debug", "ps", "-p", project, "--format", "json"));
        runs.add(CliProcess.run(env, tmp, "debug", "logs", "grafana", "-p", project, "--tail", "500"));
        runs.add(CliProcess.run(envWithPassword, tmp, "debug", "config", "-f", Path.of("compose/prometheus-local.yaml").toAbsolutePath().toString(),
                "-f", Path.of("compose/grafana.yaml").toAbsolutePath().toString(), "--format", "json"));
        runs.add(CliProcess.run(envWithPassword, tmp, "--debug", "grafana", "up", "-p", project + "x", "--bind", "0.0.0.0",
                "--grafana-password-file", tmp.resolve("missing-file").toString()));
        // service-account tokens: from the environment, from a file, a broken one, a role-None one
        var accounts = new ServiceAccountTokens(URI.create("http://127.0.0.1:" + env.get("PEAKTRADE_OBS_GRAFANA_PORT")),
                "admin", password);
        String viewerToken = accounts.token("ci-secrets", "Viewer", 0);
        String noneToken = accounts.token("ci-none", "None", 0);
        String brokenToken = viewerToken.substring(0, viewerToken.length() - 9) + "_00000000";
        Path tokenFile = tmp.resolve("grafana-token");
        Files.writeString(tokenFile, viewerToken + "\n");
        Map<String, String> envWithToken = new HashMap<>(env);
        envWithToken.put("GRAFANA_TOKEN", viewerToken);
        Path tokenJson = tmp.resolve("token-report.json");
        runs.add(CliProcess.run(envWithToken, tmp, "--debug", "shadow", "verify", "-p", project, "-v",
                "--report", tokenJson.toString(), "--report-format", "json"));
        runs.add(CliProcess.run(env, tmp, "shadow", "verify", "-p", project, "--format", "junit", "-v",
                "--grafana-token-file", tokenFile.toString()));
        Map<String, String> envWithBroken = new HashMap<>(env);
        envWithBroken.put("GRAFANA_TOKEN", brokenToken);
        runs.add(CliProcess.run(envWithBroken, tmp, "--debug", "shadow", "verify", "-p", project, "--no-wait", "-v"));
        Map<String, String> envWithNone = new HashMap<>(env);
        envWithNone.put("GRAFANA_TOKEN", noneToken);
        runs.add(CliProcess.run(envWithNone, tmp, "--debug", "shadow", "verify", "-p", project, "--no-wait", "-v"));
        CliProcess.Result down = CliProcess.run(env, tmp, "--debug", "shadow", "down", "-p", project);
        runs.add(down);

        List<String> secrets = new ArrayList<>(List.of(password));
        for (String token : List.of(viewerToken, noneToken, brokenToken)) {
            secrets.add(token);
            secrets.add(token.split("_")[1]); // the secret part alone
        }
        for (CliProcess.Result run : runs) {
            for (String secret : secrets) {
                assertThat(run.out() + run.err()).as(run.toString()).doesNotContain(secret);
            }
        }
        for (String secret : secrets) {
            assertThat(Files.readString(tokenJson)).contains("\"result\"").doesNotContain(secret);
        }
        assertThat(Files.readString(json)).contains("\"result\"").doesNotContain(password);
        assertThat(Files.readString(junit)).contains("<testsuite").doesNotContain(password);
        assertThat(down.exitCode()).isZero();
    }
}
