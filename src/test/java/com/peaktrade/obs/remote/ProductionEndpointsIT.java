package com.peaktrade.obs.remote;

import static org.assertj.core.api.Assertions.assertThat;

import com.peaktrade.obs.standin.ServiceAccountTokens;
import com.peaktrade.obs.testing.CliProcess;
import com.peaktrade.obs.testing.EngineExtension;
import com.peaktrade.obs.testing.NginxTlsProxy;
import com.peaktrade.obs.testing.TestCertificates;
import com.peaktrade.obs.testing.TestEngine;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * verify against a stack it did not start, as CI gates a production one: Debian's nginx terminates TLS
 * (certificate from a CA the test made) in front of Prometheus (basic auth, route prefix /prometheus)
 * and Grafana (sub-path /grafana), and the tool reaches them only over https on 127.0.0.1.
 */
@ExtendWith(EngineExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProductionEndpointsIT {
    private static final String PROM_USER = "scraper";
    private Path tmp;
    private final String adminPassword = "Adm-" + UUID.randomUUID();
    private final String promPassword = "Prom-" + UUID.randomUUID();
    private final List<CliProcess.Result> runs = new ArrayList<>();
    private final List<Path> reports = new ArrayList<>();
    private final List<String> secrets = new ArrayList<>(List.of(adminPassword, promPassword));
    private Map<String, String> env;
    private String project;
    private NginxTlsProxy nginx;
    private TestCertificates ca;
    private ServiceAccountTokens accounts;

    @BeforeAll
    void startStackAndProxy(TestEngine engine, @TempDir Path dir) throws Exception {
        this.tmp = dir;
        project = engine.project() + "-prod";
        env = engine.stackEnv(tmp);
        Map<String, String> upEnv = new HashMap<>(env);
        upEnv.put("GRAFANA_ADMIN_PASSWORD", adminPassword);
        CliProcess.Result up = CliProcess.run(upEnv, tmp, "grafana", "up", "-p", project);
        assertThat(up.exitCode()).as(up.toString()).isZero();
        String grafana = "http://127.0.0.1:" + env.get("PEAKTRADE_OBS_GRAFANA_PORT");
        engine.awaitJson(grafana + "/api/health", Duration.ofSeconds(90), d -> "ok".equals(d.path("database").asText()));
        ca = TestCertificates.authority(tmp.resolve("pki"), "peaktrade test CA");
        Path server = ca.issue(tmp.resolve("pki/server"), "127.0.0.1", true, TestCertificates.KeyForm.PKCS8_RSA, 2);
        nginx = NginxTlsProxy.start(tmp.resolve("nginx"), engine.freePort(), server, List.of(
                new NginxTlsProxy.Location("/prometheus/", "http://127.0.0.1:" + env.get("PEAKTRADE_OBS_PROMETHEUS_PORT") + "/",
                        PROM_USER, promPassword),
                // Grafana at its root, the proxy strips the sub-path (serve_from_sub_path=false, G16)
                NginxTlsProxy.Location.open("/grafana/", grafana + "/")));
        accounts = new ServiceAccountTokens(URI.create(grafana), "admin", adminPassword);
    }

    @AfterAll
    void stop() {
        if (nginx != null) {
            nginx.close();
        }
        CliProcess.run(env, tmp, "grafana", "down", "-p", project, "--volumes");
    }

    /** `grafana verify` over https with these extra variables and options; the run and its report are kept for the secret scan. */
    private CliProcess.Result verify(Map<String, String> extraEnv, String... options) {
        Map<String, String> runEnv = new HashMap<>(env);
        runEnv.put("PROM_AUTH", PROM_USER + ":" + promPassword);
        runEnv.putAll(extraEnv);
        Path report = tmp.resolve("report-" + runs.size() + ".xml");
        List<String> args = new ArrayList<>(List.of("grafana", "verify", "--prometheus-url", nginx.url("/prometheus"),
                "--grafana-url", nginx.url("/grafana/"), "--timeout", "20s", "--report", report.toString(),
                "--report-format", "junit"));
        args.addAll(List.of(options));
        CliProcess.Result run = CliProcess.run(runEnv, tmp, args.toArray(String[]::new));
        runs.add(run);
        reports.add(report);
        return run;
    }

    private String cacert() {
        return ca.caPem().toString();
    }

    @Test
    void aViewerServiceAccountTokenWithTheCompanyCaPassesEveryCheck() throws Exception {
        String token = accounts.token("ci-viewer", "Viewer", 0);
        secrets.add(token);

        CliProcess.Result run = verify(Map.of("GRAFANA_TOKEN", token), "--cacert", cacert());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("PASS|prometheus.ready|", "PASS|grafana.health|",
                "PASS|grafana.auth|authenticated as sa-1-ci-viewer (service account, role Viewer) with service-account token "
                        + "from GRAFANA_TOKEN", "PASS|grafana.datasources|", "PASS|grafana.dashboards|")
                .doesNotContain("FAIL|").endsWith("RESULT=PASS\n");
    }

    @Test
    void basicAuthThroughTheProxyPassesToo() {
        CliProcess.Result run = verify(Map.of("GRAFANA_AUTH", "admin:" + adminPassword), "--cacert", cacert());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("PASS|grafana.auth|authenticated as admin (user, role Admin) with basic auth for user "
                + "admin from GRAFANA_AUTH").endsWith("RESULT=PASS\n");
    }

    @Test
    void withoutTheCaEveryEndpointIsANamedTlsFailureWithAHintAndNoWait() {
        long start = System.nanoTime();
        CliProcess.Result run = verify(Map.of("GRAFANA_AUTH", "admin:" + adminPassword));

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.out()).contains("FAIL|prometheus.ready|", "FAIL|grafana.health|", "TLS: unknown CA",
                "NEXT|give the CA that signed it with --cacert FILE (or SSL_CERT_FILE=FILE)").doesNotContain("Exception");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("a certificate is not waited for").isLessThan(Duration.ofSeconds(15));
    }

    @Test
    void aRoleNoneTokenAuthenticatesButTheDataSourceChecksNameTheMissingPermission() throws Exception {
        String token = accounts.token("ci-none", "None", 0);
        secrets.add(token);

        CliProcess.Result run = verify(Map.of("GRAFANA_TOKEN", token), "--cacert", cacert());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.out()).contains("PASS|grafana.auth|authenticated as sa-1-ci-none (service account, role None)",
                "FAIL|grafana.datasources|authenticated as sa-1-ci-none (service account, role None); grafana.datasources needs "
                        + "datasources:read", "NEXT|grant datasources:read");
    }

    @Test
    void aWrongTokenFailsAuthWithGrafanasReasonAndANextStep() throws Exception {
        String token = accounts.token("ci-typo", "Viewer", 0);
        String wrong = token.substring(0, token.length() - 8) + "00000000";
        secrets.add(token);
        secrets.add(wrong);

        CliProcess.Result run = verify(Map.of("GRAFANA_TOKEN", wrong), "--cacert", cacert());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.out()).contains("FAIL|grafana.auth|Grafana rejected the service-account token from GRAFANA_TOKEN "
                + "(HTTP 401: Invalid API key)", "NEXT|the token is not one Grafana issued");
    }

    @Test
    void insecureSkipVerifyPassesAndEveryReportSaysSo() throws Exception {
        CliProcess.Result run = verify(Map.of("GRAFANA_AUTH", "admin:" + adminPassword), "--insecure-skip-verify");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("WARN|tls.unverified|https certificates and host names were NOT verified "
                + "(--insecure-skip-verify)").endsWith("RESULT=PASS\n");
        assertThat(Files.readString(reports.get(reports.size() - 1))).contains("were NOT verified (--insecure-skip-verify)");
    }

    @AfterAll
    void noOutputOrReportShowsAPasswordOrToken() throws Exception {
        for (CliProcess.Result run : runs) {
            for (String secret : secrets) {
                assertThat(run.out() + run.err()).as(run.toString()).doesNotContain(secret);
            }
        }
        for (Path report : reports) {
            if (Files.exists(report)) {
                String text = Files.readString(report);
                for (String secret : secrets) {
                    assertThat(text).as(report.toString()).doesNotContain(secret);
                }
            }
        }
    }
}
