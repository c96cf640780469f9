package com.peaktrade.obs.http;

import com.peaktrade.obs.error.ConfigException;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * How https endpoints are trusted, and how this client identifies itself to them:
 * <ul>
 * <li>by default the JDK's trust store (what the JVM trusts, nothing more);</li>
 * <li>with a CA file (--cacert, SSL_CERT_FILE) only the certificates in it, as curl's --cacert does;</li>
 * <li>optionally a client certificate and key (PEM) for mutual TLS;</li>
 * <li>never unverified unless asked for by name ({@code --insecure-skip-verify}): then every report says so.</li>
 * </ul>
 *
 * @param caFile             PEM file with the CA certificate(s), or null for the JDK's trust store
 * @param caSource           where the CA file came from ("--cacert", "SSL_CERT_FILE"), or null
 * @param clientCert         PEM client certificate (chain), or null
 * @param clientKey          PEM private key of the client certificate, or null
 * @param insecureSkipVerify no certificate or host name check at all
 */
public record TlsSettings(Path caFile, String caSource, Path clientCert, Path clientKey, boolean insecureSkipVerify) {
    private static final char[] IN_MEMORY = "in-memory".toCharArray();

    /** The JDK's trust store, no client certificate. */
    public static final TlsSettings DEFAULT = new TlsSettings(null, null, null, null, false);

    public TlsSettings {
        if ((clientCert == null) != (clientKey == null)) {
            throw new ConfigException("a client certificate needs its key and a key its certificate",
                    "give both --client-cert FILE and --client-key FILE (PEM)");
        }
    }

    /** One line for reports, e.g. "certificates checked against the CA in /etc/ca.pem (--cacert)". */
    public String describe() {
        String trust = insecureSkipVerify ? "CERTIFICATES NOT VERIFIED (--insecure-skip-verify)"
                : caFile == null ? "certificates checked against the JDK trust store"
                : "certificates checked against the CA in " + caFile + " (" + caSource + ")";
        return trust + (clientCert == null ? "" : "; client certificate " + clientCert);
    }

    /** The TLS context for https connections; a file that cannot be read or used is a named exit 2. */
    public SSLContext context() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers(), trustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new ConfigException("TLS settings cannot be used: " + e.getMessage(),
                    "check the PEM files given with --cacert, --client-cert and --client-key", e);
        }
    }

    private TrustManager[] trustManagers() throws GeneralSecurityException {
        if (insecureSkipVerify) {
            return new TrustManager[] {new TrustingEverything()};
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        if (caFile == null) {
            factory.init((KeyStore) null);
        } else {
            List<X509Certificate> authorities = PemKeys.certificates(read(caFile, caSource));
            KeyStore trust = emptyStore();
            for (int i = 0; i < authorities.size(); i++) {
                trust.setCertificateEntry("ca" + i, authorities.get(i));
            }
            factory.init(trust);
        }
        return factory.getTrustManagers();
    }

    private KeyManager[] keyManagers() throws GeneralSecurityException {
        if (clientCert == null) {
            return null;
        }
        List<X509Certificate> chain = PemKeys.certificates(read(clientCert, "--client-cert"));
        PrivateKey key = PemKeys.privateKey(read(clientKey, "--client-key"));
        KeyStore identity = emptyStore();
        identity.setKeyEntry("client", key, IN_MEMORY, chain.toArray(X509Certificate[]::new));
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(identity, IN_MEMORY);
        return factory.getKeyManagers();
    }

    private static KeyStore emptyStore() throws GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try {
            store.load(null, null);
        } catch (IOException e) {
            throw new GeneralSecurityException(e);
        }
        return store;
    }

    private static String read(Path file, String option) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException | RuntimeException e) {
            throw new ConfigException("cannot read " + file + " (" + option + "): " + e.getClass().getSimpleName(),
                    "check the path and its permissions");
        }
    }

    /**
     * Accepts every certificate and host name. An extended trust manager, so the JDK leaves the host
     * name check to it (and it skips it) instead of checking on its own.
     */
    private static final class TrustingEverything extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
