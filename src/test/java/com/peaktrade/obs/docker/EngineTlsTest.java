package com.peaktrade.obs.docker;

import com.peaktrade.obs.http.PemKeys;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.peaktrade.obs.error.EnvironmentException;
import com.peaktrade.obs.testing.TestCertificates;
import com.peaktrade.obs.testing.TestCertificates.KeyForm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Signature;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The TLS files of DOCKER_CERT_PATH or a context, read with the JDK alone, as openssl writes them. */
class EngineTlsTest {
    @TempDir
    static Path pki;
    static TestCertificates ca;

    @BeforeAll
    static void authority() {
        ca = TestCertificates.authority(pki.resolve("ca"), "Test Engine CA");
    }

    @ParameterizedTest
    @EnumSource(KeyForm.class)
    void everyKeyFormOpensslWritesIsReadAndBelongsToItsCertificate(KeyForm form) throws Exception {
        Path dir = ca.issue(pki.resolve("client-" + form), "client", false, form, 2);
        String pem = Files.readString(dir.resolve("key.pem"));

        var key = PemKeys.privateKey(pem);
        var cert = PemKeys.certificates(Files.readString(dir.resolve("cert.pem"))).get(0);

        String algorithm = key.getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
        Signature signer = Signature.getInstance(algorithm);
        signer.initSign(key);
        signer.update(new byte[] {1, 2, 3});
        Signature verifier = Signature.getInstance(algorithm);
        verifier.initVerify(cert.getPublicKey());
        verifier.update(new byte[] {1, 2, 3});
        assertThat(verifier.verify(signer.sign())).isTrue();
        assertThat(EngineTls.load(dir, "DOCKER_HOST").describe()).isEqualTo("CA CN=Test Engine CA");
    }

    @Test
    void aKeyFromAnotherCertificateIsANamedErrorNotARefusedHandshakeLater() throws Exception {
        Path dir = ca.issue(pki.resolve("mismatch"), "client", false, KeyForm.PKCS8_RSA, 2);
        Path other = ca.issue(pki.resolve("other"), "other", false, KeyForm.PKCS8_RSA, 2);
        Files.copy(other.resolve("key.pem"), dir.resolve("key.pem"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        assertThatThrownBy(() -> EngineTls.load(dir, "DOCKER_HOST"))
                .isInstanceOf(EnvironmentException.class)
                .hasMessageContaining(dir.resolve("key.pem") + " is not the key of " + dir.resolve("cert.pem"));
    }

    @Test
    void aMissingCaFileIsNamedWithTheRuleThatPointedThere() {
        Path empty = pki.resolve("empty");

        assertThatThrownBy(() -> EngineTls.load(empty, "current context 'prod'"))
                .isInstanceOf(EnvironmentException.class)
                .hasMessage("TLS file " + empty.resolve("ca.pem") + " (current context 'prod') is missing or unreadable")
                .extracting(e -> ((EnvironmentException) e).hint()).asString().contains("DOCKER_CERT_PATH");
    }

    @Test
    void anEncryptedKeyIsRefusedWithHowToDecryptIt() {
        String encrypted = "-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIBvTBXBgkqhkiG9w0BBQ0wSjApBgkqhkiG9w0BBQwwHAQI\n-----END ENCRYPTED PRIVATE KEY-----\n";

        assertThatThrownBy(() -> PemKeys.privateKey(encrypted)).hasMessageContaining("passphrase")
                .hasMessageContaining("openssl pkey");
    }

    @Test
    void aFileWithoutAKeyIsRefusedNamingTheFormsThatWork() {
        assertThatThrownBy(() -> PemKeys.privateKey("not a key")).hasMessageContaining("BEGIN RSA PRIVATE KEY");
    }
}
