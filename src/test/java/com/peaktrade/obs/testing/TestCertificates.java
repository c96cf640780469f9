package com.peaktrade.obs.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A throw-away PKI made with the openssl CLI, laid out as docker expects ({@code ca.pem},
 * {@code cert.pem}, {@code key.pem}): a CA, an engine certificate for 127.0.0.1 and a client
 * certificate, each key in the form asked for.
 */
public final class TestCertificates {
    /** How a private key is written, as the OpenSSL generations and key types write it. */
    public enum KeyForm {
        /** BEGIN PRIVATE KEY (OpenSSL 3), RSA. */
        PKCS8_RSA,
        /** BEGIN RSA PRIVATE KEY (OpenSSL 1.x). */
        PKCS1_RSA,
        /** BEGIN EC PRIVATE KEY, preceded by BEGIN EC PARAMETERS as `openssl ecparam -genkey` writes it. */
        SEC1_EC,
        /** BEGIN PRIVATE KEY, EC. */
        PKCS8_EC
    }

    private final Path dir;

    private TestCertificates(Path dir) {
        this.dir = dir;
    }

    /** A CA in {@code dir}/ca (its ca.pem and ca-key.pem). */
    public static TestCertificates authority(Path dir, String name) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        TestCertificates ca = new TestCertificates(dir);
        ca.key(dir.resolve("ca-key.pem"), KeyForm.PKCS8_RSA);
        ca.openssl("req", "-x509", "-new", "-key", "ca-key.pem", "-days", "2", "-subj", "/CN=" + name, "-out", "ca.pem");
        return ca;
    }

    public Path caPem() {
        return dir.resolve("ca.pem");
    }

    /**
     * A certificate signed by this CA in {@code into}/cert.pem and key.pem, plus this CA as
     * {@code into}/ca.pem. {@code days} -1 makes it already expired.
     */
    public Path issue(Path into, String commonName, boolean server, KeyForm form, int days) {
        try {
            Files.createDirectories(into);
            Files.copy(caPem(), into.resolve("ca.pem"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            key(into.resolve("key.pem"), form);
            Path ext = into.resolve("ext.cnf");
            Files.writeString(ext, server ? "subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\n"
                    : "extendedKeyUsage=clientAuth\n");
            openssl("req", "-new", "-key", into.resolve("key.pem").toString(), "-subj", "/CN=" + commonName,
                    "-out", into.resolve("req.csr").toString());
            List<String> sign = new ArrayList<>(List.of("x509", "-req", "-in", into.resolve("req.csr").toString(),
                    "-CA", "ca.pem", "-CAkey", "ca-key.pem", "-CAcreateserial", "-extfile", ext.toString(),
                    "-out", into.resolve("cert.pem").toString()));
            // OpenSSL 3.0 takes -days -1: valid until yesterday, i.e. expired
            sign.addAll(List.of("-days", Integer.toString(days)));
            openssl(sign.toArray(String[]::new));
            return into;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private void key(Path file, KeyForm form) {
        switch (form) {
            case PKCS8_RSA -> openssl("genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", file.toString());
            case PKCS1_RSA -> openssl("genrsa", "-traditional", "-out", file.toString(), "2048");
            case SEC1_EC -> openssl("ecparam", "-name", "prime256v1", "-genkey", "-out", file.toString());
            case PKCS8_EC -> openssl("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", file.toString());
        }
    }

    private void openssl(String... args) {
        List<String> cmd = new ArrayList<>(List.of("openssl"));
        cmd.addAll(List.of(args));
        CliProcess.Result result = CliProcess.exec(cmd, Map.of(), dir, 1);
        if (result.exitCode() != 0) {
            throw new AssertionError(String.join(" ", cmd) + " failed: " + result);
        }
    }
}
