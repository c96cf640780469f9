package com.peaktrade.obs.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.peaktrade.obs.error.ConfigException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which credentials verify sends, by the documented precedence, described without the secret. */
class CredentialSourcesTest {
    private static final String TOKEN = "glsa_abcdefghijklmnopqrstuvwxyz012345_1a2b3c4d";
    @TempDir
    Path dir;

    private static EndpointAccess resolve(AccessOptions options, Map<String, String> env) {
        return CredentialSources.resolve(options, env, CredentialSources.ProjectSecrets.NONE);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private Path file(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    private static AccessOptions grafanaTokenFile(Path file) {
        return new AccessOptions(null, null, null, false, file, null, null, null, null, null, null);
    }

    @Test
    void aServiceAccountTokenFromTheEnvironmentIsSentAsBearerAndDescribedByItsSource() {
        Access grafana = resolve(AccessOptions.NONE, Map.of("GRAFANA_TOKEN", TOKEN, "GRAFANA_AUTH", "ci:pw")).grafana();

        assertThat(grafana.settings().credentials().header()).isEqualTo("Bearer " + TOKEN);
        assertThat(grafana.describe()).isEqualTo("service-account token from GRAFANA_TOKEN");
        assertThat(grafana.toString()).doesNotContain(TOKEN);
    }

    @Test
    void optionsWinOverTheEnvironment() throws Exception {
        Path token = file("token", "glsa_fromfile_00000000\n");

        Access grafana = resolve(grafanaTokenFile(token), Map.of("GRAFANA_TOKEN", TOKEN)).grafana();

        assertThat(grafana.settings().credentials().header()).isEqualTo("Bearer glsa_fromfile_00000000");
        assertThat(grafana.describe()).isEqualTo("service-account token from --grafana-token-file " + token);
    }

    @Test
    void basicAuthSourcesComeInTheDocumentedOrder() {
        Map<String, String> all = Map.of("GRAFANA_AUTH", "ci:a", "GF_SECURITY_ADMIN_USER", "gf",
                "GF_SECURITY_ADMIN_PASSWORD", "b", "GRAFANA_ADMIN_USER", "old", "GRAFANA_ADMIN_PASSWORD", "c");

        assertThat(resolve(AccessOptions.NONE, all).grafana().settings().credentials().header()).isEqualTo(basic("ci", "a"));
        Map<String, String> withoutAuth = new java.util.HashMap<>(all);
        withoutAuth.remove("GRAFANA_AUTH");
        Access gf = resolve(AccessOptions.NONE, withoutAuth).grafana();
        assertThat(gf.settings().credentials().header()).isEqualTo(basic("gf", "b"));
        assertThat(gf.describe()).isEqualTo("basic auth for user gf from GF_SECURITY_ADMIN_PASSWORD");
        withoutAuth.remove("GF_SECURITY_ADMIN_PASSWORD");
        assertThat(resolve(AccessOptions.NONE, withoutAuth).grafana().settings().credentials().header())
                .isEqualTo(basic("old", "c"));
    }

    @Test
    void withNothingGivenThereAreNoCredentialsRatherThanAdminAdmin() {
        Access grafana = resolve(AccessOptions.NONE, Map.of()).grafana();

        assertThat(grafana.hasCredentials()).isFalse();
        assertThat(grafana.describe()).isEqualTo("no credentials");
    }

    @Test
    void aLocalProjectsStoredPasswordIsFound() {
        Map<String, String> env = Map.of("XDG_STATE_HOME", dir.toString());
        AdminPasswordFile stored = AdminPasswordFile.of(env, "p");
        String password = stored.readOrCreate();

        Access grafana = CredentialSources.resolve(AccessOptions.NONE, env,
                new CredentialSources.ProjectSecrets(Optional.of(stored), Map.of())).grafana();

        assertThat(grafana.settings().credentials().header()).isEqualTo(basic("admin", password));
        assertThat(grafana.describe()).isEqualTo("basic auth for user admin from " + stored.path());
    }

    @Test
    void theOrgIsSentAsAHeaderAndMustBeNumeric() {
        EndpointAccess access = resolve(AccessOptions.NONE, Map.of("GRAFANA_TOKEN", TOKEN, "GRAFANA_ORG_ID", "3"));

        assertThat(access.grafana().settings().headers()).containsEntry("X-Grafana-Org-Id", "3");
        assertThatThrownBy(() -> resolve(AccessOptions.NONE, Map.of("GRAFANA_ORG_ID", "ops")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("numeric organization id");
    }

    @Test
    void prometheusAndTheExporterTakeBasicOrBearerFromTheirOwnVariables() {
        EndpointAccess access = resolve(AccessOptions.NONE, Map.of("PROM_AUTH", "scraper:pw", "EXPORTER_TOKEN", "t0k"));

        assertThat(access.prometheus().settings().credentials().header()).isEqualTo(basic("scraper", "pw"));
        assertThat(access.prometheus().describe()).isEqualTo("basic auth for user scraper from PROM_AUTH");
        assertThat(access.exporter().describe()).isEqualTo("bearer token from EXPORTER_TOKEN");
    }

    @Test
    void aPrometheusPasswordFileNeedsItsUserAndTokenAndPasswordFilesExcludeEachOther() throws Exception {
        Path pw = file("pw", "secret\n");

        assertThatThrownBy(() -> resolve(new AccessOptions(null, null, null, false, null, null, null, null, null, null, pw),
                Map.of())).isInstanceOf(ConfigException.class).hasMessageContaining("needs --prometheus-user");
        assertThatThrownBy(() -> resolve(new AccessOptions(null, null, null, false, pw, null, pw, null, null, null, null),
                Map.of())).isInstanceOf(ConfigException.class).hasMessageContaining("both given");
    }

    @Test
    void theCaComesFromTheOptionElseSslCertFileAndInsecureContradictsIt() throws Exception {
        Path ca = file("ca.pem", "");

        assertThat(resolve(AccessOptions.NONE, Map.of("SSL_CERT_FILE", ca.toString())).tls().describe())
                .isEqualTo("certificates checked against the CA in " + ca + " (SSL_CERT_FILE)");
        assertThat(resolve(AccessOptions.NONE, Map.of()).tls().describe())
                .isEqualTo("certificates checked against the JDK trust store");
        assertThatThrownBy(() -> resolve(new AccessOptions(ca, null, null, true, null, null, null, null, null, null, null),
                Map.of())).isInstanceOf(ConfigException.class).hasMessageContaining("contradict");
    }

    @Test
    void anInsecureSetupSaysSoInItsDescription() {
        EndpointAccess insecure = resolve(new AccessOptions(null, null, null, true, null, null, null, null, null, null, null),
                Map.of());

        assertThat(insecure.notes()).isEqualTo("TLS: CERTIFICATES NOT VERIFIED (--insecure-skip-verify)");
    }

    @Test
    void theGeneratedPasswordIsLongRandomStoredAloneWithMode0600AndReused() throws Exception {
        AdminPasswordFile stored = AdminPasswordFile.of(Map.of("XDG_STATE_HOME", dir.toString()), "proj");

        String first = stored.readOrCreate();

        assertThat(first).hasSizeGreaterThanOrEqualTo(16).matches("[A-Za-z0-9]+");
        assertThat(stored.path()).isEqualTo(dir.resolve("peaktrade-obs/proj/grafana-admin-password"));
        assertThat(Files.readString(stored.path())).isEqualTo(first + "\n");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(stored.path())))
                .isEqualTo("rw-------");
        assertThat(stored.readOrCreate()).isEqualTo(first);
        assertThat(stored.delete()).isTrue();
        assertThat(stored.readOrCreate()).isNotEqualTo(first);
    }

    @Test
    void upSaysWhereThePasswordIsNeverWhatAndAdminAdminOnlyWhenAskedForAndOnLoopback() {
        Map<String, String> env = Map.of("XDG_STATE_HOME", dir.toString());
        AdminPasswordFile stored = AdminPasswordFile.of(env, "proj");

        StackSettings generated = StackSettings.resolve(env, "0.0.0.0", null, stored);

        assertThat(generated.passwordSource()).isEqualTo("newly generated, stored in " + stored.path());
        assertThat(StackSettings.resolve(env, null, null, stored).passwordSource()).isEqualTo("stored in " + stored.path());
        assertThat(generated.environment().get(StackSettings.ADMIN_PASSWORD)).isEqualTo(stored.read().orElseThrow());
        Map<String, String> explicit = Map.of("GRAFANA_ADMIN_PASSWORD", "admin");
        assertThat(StackSettings.resolve(explicit, null, null, stored).passwordSource())
                .isEqualTo("environment variable GRAFANA_ADMIN_PASSWORD");
        assertThatThrownBy(() -> StackSettings.resolve(explicit, "0.0.0.0", null, stored))
                .isInstanceOf(ConfigException.class).hasMessageContaining("default admin/admin");
    }
}
