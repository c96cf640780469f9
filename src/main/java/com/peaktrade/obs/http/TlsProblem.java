package com.peaktrade.obs.http;

import java.net.URI;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.SSLHandshakeException;

/**
 * Names why a TLS handshake failed, from the JDK's exception chain: the server's certificate is
 * signed by a CA we do not trust, has expired (or is not valid yet), does not name the host we
 * asked for, or the server wants a client certificate. Each becomes a {@link HttpFailure.Kind#TLS}
 * failure with a hint. A plain-HTTP port behind an https URL is not one of them (see
 * {@link HttpTransport}).
 */
final class TlsProblem {
    private TlsProblem() {
    }

    static Optional<HttpFailure> of(String method, String url, Throwable failure, TlsSettings tls) {
        String host = URI.create(url).getHost();
        String trustedBy = tls.caFile() == null ? "the JDK trust store" : "the CA in " + tls.caFile();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof CertificateExpiredException) {
                return named(method, url, "TLS: the server's certificate has expired (" + t.getMessage() + ")",
                        "renew the certificate of " + host + "; verify cannot trust an expired one", failure);
            }
            if (t instanceof CertificateNotYetValidException) {
                return named(method, url, "TLS: the server's certificate is not valid yet (" + t.getMessage() + ")",
                        "check the clocks of this machine and of " + host, failure);
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String text = t.getMessage() == null ? "" : t.getMessage();
            if (t instanceof CertPathBuilderException || text.contains("unable to find valid certification path")) {
                return named(method, url, "TLS: unknown CA, the certificate of " + host + " is not signed by a CA in "
                        + trustedBy, "give the CA that signed it with --cacert FILE (or SSL_CERT_FILE=FILE)", failure);
            }
            if (text.startsWith("No subject alternative") || text.startsWith("No name matching")) {
                return named(method, url, "TLS: wrong host, the server's certificate does not name " + host + " (" + text + ")",
                        "use a URL with a host name the certificate names (its subject alternative names)", failure);
            }
            String lower = text.toLowerCase(Locale.ROOT);
            if (t instanceof SSLHandshakeException && (lower.contains("bad_certificate") || lower.contains("certificate_required"))) {
                return named(method, url, "TLS: " + host + " refused the client certificate (" + text + ")",
                        tls.clientCert() == null ? "the server wants a client certificate: --client-cert FILE --client-key FILE"
                                : "the server does not accept " + tls.clientCert() + ": check it is signed by the CA it expects",
                        failure);
            }
        }
        return Optional.empty();
    }

    private static Optional<HttpFailure> named(String method, String url, String problem, String hint, Throwable cause) {
        return Optional.of(new HttpFailure(HttpFailure.Kind.TLS, method, url, problem, HttpFailure.NO_STATUS, "", null, null,
                null, hint, cause));
    }
}
