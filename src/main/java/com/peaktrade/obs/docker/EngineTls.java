package com.peaktrade.obs.docker;

import com.peaktrade.obs.error.EnvironmentException;
import com.peaktrade.obs.http.PemKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The TLS material of an engine reached over tcp with TLS: the CA that signed the engine's
 * certificate ({@code ca.pem}) and, for mutual TLS, the client's certificate and key
 * ({@code cert.pem}, {@code key.pem}) — the layout of DOCKER_CERT_PATH and of a docker context's
 * {@code tls/<hash>/docker} directory. The engine's certificate must name the host it is reached by.
 */
public final class EngineTls {
    private static final char[] IN_MEMORY = "in-memory".toCharArray();
    private final Path dir;
    private final List<X509Certificate> authorities;
    private final SSLContext context;

    private EngineTls(Path dir, List<X509Certificate> authorities, SSLContext context) {
        this.dir = dir;
        this.authorities = authorities;
        this.context = context;
    }

    /** Reads {@code dir}; a missing or unreadable file is exit 3 naming it. */
    public static EngineTls load(Path dir, String source) {
        Path ca = dir.resolve("ca.pem");
        Path cert = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        List<X509Certificate> authorities = read(ca, source, text -> PemKeys.certificates(text));
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            for (int i = 0; i < authorities.size(); i++) {
                trust.setCertificateEntry("ca" + i, authorities.get(i));
            }
            var trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trustManagers.init(trust);
            KeyManagerFactory keyManagers = null;
            if (Files.exists(cert) || Files.exists(key)) {
                List<X509Certificate> chain = read(cert, source, text -> PemKeys.certificates(text));
                PrivateKey privateKey = read(key, source, text -> PemKeys.privateKey(text));
                requireKeyOfCertificate(privateKey, chain.get(0), key, cert, source);
                requireValid(chain.get(0), cert, source);
                KeyStore identity = KeyStore.getInstance("PKCS12");
                identity.load(null, null);
                identity.setKeyEntry("client", privateKey, IN_MEMORY, chain.toArray(X509Certificate[]::new));
                keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                keyManagers.init(identity, IN_MEMORY);
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers == null ? null : keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), null);
            return new EngineTls(dir, authorities, context);
        } catch (GeneralSecurityException | IOException e) {
            throw new EnvironmentException("TLS settings in " + dir + " (" + source + ") cannot be used: " + e.getMessage(),
                    "regenerate ca.pem, cert.pem and key.pem for this engine", e);
        }
    }

    /** A key that does not belong to the certificate would only show up as a refused handshake. */
    private static void requireKeyOfCertificate(PrivateKey key, X509Certificate cert, Path keyFile, Path certFile, String source)
            throws GeneralSecurityException {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            default -> null;
        };
        if (algorithm == null) {
            return;
        }
        byte[] probe = "peaktrade-obs".getBytes(StandardCharsets.US_ASCII);
        boolean matches;
        try {
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(cert.getPublicKey());
            verifier.update(probe);
            matches = verifier.verify(signature);
        } catch (GeneralSecurityException differentAlgorithms) {
            matches = false;
        }
        if (!matches) {
            throw new EnvironmentException(keyFile + " is not the key of " + certFile + " (" + source + ")",
                    "use the key.pem that was generated together with cert.pem");
        }
    }

    /** The engine would close the connection without a word; say why first. */
    private static void requireValid(X509Certificate certificate, Path certFile, String source) {
        try {
            certificate.checkValidity();
        } catch (CertificateExpiredException | CertificateNotYetValidException e) {
            throw new EnvironmentException("the client certificate " + certFile + " (" + source + ") is valid only from "
                    + certificate.getNotBefore().toInstant() + " to " + certificate.getNotAfter().toInstant(),
                    "issue a new client certificate from the engine's CA (and check this machine's clock)", e);
        }
    }

    private interface PemReader<T> {
        T read(String text) throws GeneralSecurityException;
    }

    private static <T> T read(Path file, String source, PemReader<T> reader) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new EnvironmentException("TLS file " + file + " (" + source + ") is missing or unreadable",
                    "put ca.pem (and cert.pem, key.pem for mutual TLS) there, or set DOCKER_CERT_PATH to the directory that has them",
                    e);
        }
        try {
            return reader.read(text);
        } catch (GeneralSecurityException e) {
            throw new EnvironmentException("TLS file " + file + " (" + source + ") cannot be read: " + e.getMessage(),
                    "it must be PEM: certificates as BEGIN CERTIFICATE, the key as BEGIN PRIVATE KEY, "
                            + "BEGIN RSA PRIVATE KEY or BEGIN EC PRIVATE KEY", e);
        }
    }

    public SSLContext context() {
        return context;
    }

    public Path dir() {
        return dir;
    }

    /** "CA CN=Engine CA,O=Example": which authority the engine's certificate must come from. */
    public String describe() {
        return "CA " + authorities.get(0).getSubjectX500Principal().getName();
    }
}
