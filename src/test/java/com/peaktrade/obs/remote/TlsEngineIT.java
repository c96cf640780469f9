package com.peaktrade.obs.remote;

import static org.assertj.core.api.Assertions.assertThat;

import com.peaktrade.obs.docker.DockerHostDiscovery;
import com.peaktrade.obs.testing.CliProcess;
import com.peaktrade.obs.testing.EngineExtension;
import com.peaktrade.obs.testing.RequiredTool;
import com.peaktrade.obs.testing.TestCertificates;
import com.peaktrade.obs.testing.TestCertificates.KeyForm;
import com.peaktrade.obs.testing.TestEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real engine behind a mutual-TLS endpoint (socat in front of /var/run/docker.sock, with
 * certificates made here), reached as a remote engine is: DOCKER_HOST with DOCKER_TLS_VERIFY and
 * DOCKER_CERT_PATH, or a docker context holding the TLS material.
 */
@ExtendWith(EngineExtension.class)
class TlsEngineIT {
    @TempDir
    static Path pki;
    static TestCertificates ca;
    static Process endpoint;
    static int port;
    static RemoteEngineFixture fixture;
    static String project;

    @BeforeAll
    static void tlsEndpointInFrontOfTheEngine() throws Exception {
        RequiredTool.require("/usr/bin/socat", "socat");
        ca = TestCertificates.authority(pki.resolve("ca"), "Engine CA");
        ca.issue(pki.resolve("server"), "engine", true, KeyForm.PKCS8_RSA, 2);
        port = RemoteEngineFixture.freePort();
        fixture = new RemoteEngineFixture("tls", pki);
        project = fixture.project;
        // socat sets no TLS session id context, so with client certificates OpenSSL fails every resumed session
        // ("session id context uninitialized", an internal_error alert); dockerd (Go) resumes fine. No tickets: no resumption.
        Files.writeString(pki.resolve("openssl.cnf"), String.join("\n", "openssl_conf = init", "[init]", "ssl_conf = ssl", "[ssl]",
                "system_default = defaults", "[defaults]", "NumTickets = 0", ""));
        endpoint = startEndpoint(port);
        fixture.createProbe();
    }

    /** socat with the engine's certificate on {@code port}, relaying to the local socket; listening when returned. */
    static Process startEndpoint(int port) throws Exception {
        Path server = pki.resolve("server");
        ProcessBuilder socatProcess = new ProcessBuilder("/usr/bin/socat", "OPENSSL-LISTEN:" + port + ",bind=127.0.0.1,reuseaddr,fork,verify=1"
                + ",cert=" + server.resolve("cert.pem") + ",key=" + server.resolve("key.pem") + ",cafile=" + server.resolve("ca.pem"),
                "UNIX-CONNECT:/var/run/docker.sock").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(pki.resolve("socat-" + port + ".log").toFile()));
        socatProcess.environment().put("OPENSSL_CONF", pki.resolve("openssl.cnf").toString());
        Process started = socatProcess.start();
        RemoteEngineFixture.awaitListening(port);
        return started;
    }

    /** The endpoint and every connection it forked, gone at once: the engine as a dropped network sees it. */
    static void kill(Process endpoint) throws InterruptedException {
        endpoint.descendants().forEach(ProcessHandle::destroyForcibly);
        endpoint.destroyForcibly().waitFor();
    }

    @AfterAll
    static void stop() {
        if (fixture != null) {
            fixture.removeProbe();
        }
        if (endpoint != null) {
            endpoint.destroy();
        }
    }

    @Test
    void dockerHostWithTlsVerifyReachesTheEngineWithAnOpenssl1StyleRsaKey() {
        Path client = ca.issue(pki.resolve("client-pkcs1"), "client", false, KeyForm.PKCS1_RSA, 2);

        var ps = CliProcess.run(Map.of("DOCKER_HOST", "tcp://127.0.0.1:" + port, "DOCKER_TLS_VERIFY", "1",
                "DOCKER_CERT_PATH", client.toString()), pki, "--debug", "debug", "ps", "-p", project);

        assertThat(ps.out()).as(ps.toString()).contains(project + "-probe-1").contains("created");
        assertThat(ps.err()).contains("reached via tcp://127.0.0.1:" + port + " with TLS, CA CN=Engine CA, chosen by DOCKER_HOST");
    }

    @Test
    void aContextWithTlsMaterialReachesTheEngineWithAnOpenssl3StyleKey() throws Exception {
        Path config = contextConfig("tls-it", ca.issue(pki.resolve("client-pkcs8"), "client", false, KeyForm.PKCS8_RSA, 2));

        var ps = CliProcess.run(Map.of("DOCKER_CONFIG", config.toString()), pki, "--debug", "debug", "ps", "-p", project);

        assertThat(ps.out()).as(ps.toString()).contains(project + "-probe-1");
        assertThat(ps.err()).contains("with TLS, CA CN=Engine CA, chosen by current context 'tls-it'");
    }

    @Test
    void anEcClientKeyWorksAndTheDaemonCheckSaysHowTheEngineWasReached() throws Exception {
        Path config = contextConfig("tls-ec", ca.issue(pki.resolve("client-ec"), "client", false, KeyForm.SEC1_EC, 2));

        var verify = CliProcess.run(Map.of("DOCKER_CONFIG", config.toString(), "DOCKER_CONTEXT", "tls-ec"), pki,
                "shadow", "verify", "-p", project, "--format", "json", "--no-wait", "--timeout", "10s");

        assertThat(verify.out()).as(verify.toString()).contains("docker.daemon")
                .contains("reached via tcp://127.0.0.1:" + port + " with TLS, CA CN=Engine CA, chosen by DOCKER_CONTEXT 'tls-ec'");
    }

    @Test
    void theGrafanaStackComesUpVerifiesAndGoesDownThroughTls(TestEngine engine) {
        Path client = ca.issue(pki.resolve("client-stack"), "client", false, KeyForm.PKCS8_EC, 2);

        var took = RemoteEngineFixture.grafanaUpVerifyDown(engine, pki, Map.of("DOCKER_HOST", "tcp://127.0.0.1:" + port,
                "DOCKER_TLS_VERIFY", "1", "DOCKER_CERT_PATH", client.toString()));

        System.out.println("[timing] grafana up over TLS: " + took.toMillis() + " ms");
    }

    @Test
    void anEngineCertificateFromAnotherCaIsExit3NamingTheCa() {
        TestCertificates stranger = TestCertificates.authority(pki.resolve("stranger-ca"), "Stranger CA");
        Path client = stranger.issue(pki.resolve("client-wrong-ca"), "client", false, KeyForm.PKCS8_RSA, 2);

        var ps = CliProcess.run(Map.of("DOCKER_HOST", "tcp://127.0.0.1:" + port, "DOCKER_TLS_VERIFY", "1",
                "DOCKER_CERT_PATH", client.toString()), pki, "debug", "ps", "-p", project);

        assertThat(ps.exitCode()).as(ps.toString()).isEqualTo(3);
        assertThat(ps.err()).contains("error: TLS to the Docker engine at tcp://127.0.0.1:" + port + " (DOCKER_HOST) failed: "
                + "the engine's certificate is not signed by CA CN=Stranger CA").contains("hint: ").doesNotContain("\tat ");
    }

    @Test
    void aClientCertificateTheEngineDoesNotTrustIsExit3() throws Exception {
        TestCertificates stranger = TestCertificates.authority(pki.resolve("stranger-ca2"), "Stranger CA");
        Path client = stranger.issue(pki.resolve("client-untrusted"), "client", false, KeyForm.PKCS8_RSA, 2);
        Files.copy(ca.caPem(), client.resolve("ca.pem"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        var ps = CliProcess.run(Map.of("DOCKER_HOST", "tcp://127.0.0.1:" + port, "DOCKER_TLS_VERIFY", "1",
                "DOCKER_CERT_PATH", client.toString()), pki, "debug", "ps", "-p", project);

        assertThat(ps.exitCode()).as(ps.toString()).isEqualTo(3);
        assertThat(ps.err()).contains("error: TLS to the Docker engine at tcp://127.0.0.1:" + port)
                .contains("refused this client's certificate").doesNotContain("\tat ");
    }

    @Test
    void anExpiredClientCertificateIsExit3() {
        Path client = ca.issue(pki.resolve("client-expired"), "client", false, KeyForm.PKCS8_RSA, -1);

        var ps = CliProcess.run(Map.of("DOCKER_HOST", "tcp://127.0.0.1:" + port, "DOCKER_TLS_VERIFY", "1",
                "DOCKER_CERT_PATH", client.toString()), pki, "debug", "ps", "-p", project);

        assertThat(ps.exitCode()).as(ps.toString()).isEqualTo(3);
        assertThat(ps.err()).contains("error: the client certificate " + client.resolve("cert.pem") + " (DOCKER_HOST) is valid only from")
                .doesNotContain("\tat ");
    }

    @Test
    void theShadowStackComesUpThroughTlsWithItsFilesCopiedInInsteadOfBindMountedAndVerifyPasses(TestEngine engine) {
        Path client = ca.issue(pki.resolve("client-shadow"), "client", false, KeyForm.PKCS8_RSA, 2);
        String project = engine.project() + "-shadow";
        Map<String, String> env = engine.stackEnv(pki);
        env.putAll(Map.of("DOCKER_HOST", "tcp://127.0.0.1:" + port, "DOCKER_TLS_VERIFY", "1", "DOCKER_CERT_PATH", client.toString()));
        try {
            long started = System.nanoTime();
            var up = CliProcess.run(env, pki, "shadow", "up", "-p", project);
            System.out.println("[timing] shadow up over TLS, files copied: " + (System.nanoTime() - started) / 1_000_000 + " ms");
            assertThat(up.exitCode()).as(up.toString()).isZero();

            for (String service : List.of("grafana", "prometheus-local", "shadow-mvs-exporter")) {
                var mounts = CliProcess.exec(List.of("docker", "inspect", "--format",
                        "{{range .Mounts}}{{.Type}} {{.Source}} -> {{.Destination}};{{end}}", project + "-" + service + "-1"),
                        Map.of(), pki, 1);
                assertThat(mounts.exitCode()).as(mounts.toString()).isZero();
                assertThat(mounts.out()).as(service + "'s mounts").doesNotContain("bind ");
            }
            var verify = CliProcess.run(env, pki, "shadow", "verify", "-p", project);
            assertThat(verify.out()).as(verify.toString()).endsWith("RESULT=PASS\n");

            var shown = CliProcess.run(env, pki, "debug", "mounts", "-p", project, "--no-listing");
            assertThat(shown.exitCode()).as(shown.toString()).isZero();
            assertThat(shown.out()).as(shown.toString())
                    .containsPattern("copy /\\S+/grafana/provisioning → /etc/grafana/provisioning \\(ro\\)  \\d+ entries")
                    .containsPattern("copy /\\S+/prometheus/prometheus-shadow.yml → /etc/prometheus/prometheus.yml \\(ro\\)  1 entry")
                    .containsPattern("copy /\\S+\\.jar → /opt/peaktrade-obs/peaktrade-obs.jar \\(ro\\)");

            var down = CliProcess.run(env, pki, "shadow", "down", "-p", project);
            assertThat(down.exitCode()).as(down.toString()).isZero();
        } finally {
            TestEngine.removeByLabel(engine.docker(), TestEngine.PROJECT_LABEL + "=" + project);
        }
    }

    @Test
    void theEngineDroppedInTheMiddleOfUpIsExit3NamingItAndTheNextUpAndDownCleanUp(TestEngine engine) throws Exception {
        Path client = ca.issue(pki.resolve("client-drop"), "client", false, KeyForm.PKCS8_RSA, 2);
        int dropPort = RemoteEngineFixture.freePort();
        Process relay = startEndpoint(dropPort);
        String project = engine.project() + "-drop";
        Map<String, String> env = engine.stackEnv(pki);
        env.putAll(Map.of("DOCKER_HOST", "tcp://127.0.0.1:" + dropPort, "DOCKER_TLS_VERIFY", "1",
                "DOCKER_CERT_PATH", client.toString()));
        try {
            Path log = pki.resolve(project + ".log");
            Process up = CliProcess.start(env, pki, log, "grafana", "up", "-p", project);
            long deadline = System.nanoTime() + java.time.Duration.ofSeconds(90).toNanos();
            while (engine.docker().listContainersCmd().withShowAll(true)
                    .withLabelFilter(List.of(TestEngine.PROJECT_LABEL + "=" + project)).exec().isEmpty()) {
                assertThat(System.nanoTime()).as("a container of " + project + " within 90 s").isLessThan(deadline);
                Thread.sleep(20);
            }
            kill(relay);
            assertThat(up.waitFor(2, java.util.concurrent.TimeUnit.MINUTES)).isTrue();
            String err = Files.readString(Path.of(log + ".err"));
            System.out.println("[engine dropped during up] " + err);

            assertThat(up.exitValue()).as(err).isEqualTo(3);
            assertThat(err).contains("error: ").contains("the Docker engine at tcp://127.0.0.1:" + dropPort + " (DOCKER_HOST)")
                    .doesNotContain("internal error").doesNotContain("\tat ");

            relay = startEndpoint(dropPort);
            var again = CliProcess.run(env, pki, "grafana", "up", "-p", project);
            assertThat(again.exitCode()).as(again.toString()).isZero();
            var down = CliProcess.run(env, pki, "grafana", "down", "-p", project);
            assertThat(down.exitCode()).as(down.toString()).isZero();
            assertThat(engine.docker().listContainersCmd().withShowAll(true)
                    .withLabelFilter(List.of(TestEngine.PROJECT_LABEL + "=" + project)).exec()).isEmpty();
        } finally {
            kill(relay);
            TestEngine.removeByLabel(engine.docker(), TestEngine.PROJECT_LABEL + "=" + project);
        }
    }

    /** A DOCKER_CONFIG whose current context is {@code name}, with the TLS files of {@code certs}. */
    private static Path contextConfig(String name, Path certs) throws Exception {
        Path config = pki.resolve("docker-config-" + name);
        Path meta = config.resolve("contexts/meta").resolve(DockerHostDiscovery.sha256(name));
        Files.createDirectories(meta);
        Files.writeString(meta.resolve("meta.json"), "{\"Name\":\"" + name + "\",\"Metadata\":{},\"Endpoints\":{\"docker\":"
                + "{\"Host\":\"tcp://127.0.0.1:" + port + "\",\"SkipTLSVerify\":false}}}");
        Path tls = config.resolve("contexts/tls").resolve(DockerHostDiscovery.sha256(name)).resolve("docker");
        Files.createDirectories(tls);
        for (String file : List.of("ca.pem", "cert.pem", "key.pem")) {
            Files.copy(certs.resolve(file), tls.resolve(file));
        }
        Files.writeString(config.resolve("config.json"), "{\"currentContext\":\"" + name + "\"}");
        return config;
    }
}
