package com.peaktrade.obs.http;

import java.security.SecureRandom;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * The TLS context of a client that only ever speaks plain HTTP: the Docker transport on a local
 * socket (not on tcp://, where docker-java reads any context as https), and an
 * {@link HttpTransport} for an http:// URL (which follows no redirects). Both clients want an SSLContext when they are built, and the
 * system default one loads and parses the JDK's trust store and initialises JSSE: measured with
 * JFR, that was half of building the Docker transport, and again part of every HTTP client, on
 * every command's start. This one costs nothing, and any attempt to use it for TLS fails with a
 * clear message instead of connecting without verification.
 */
public final class PlaintextOnly {
    private static final SSLContext CONTEXT = new SSLContext(new Refusing(), null, "plaintext-only") {
    };

    private PlaintextOnly() {
    }

    public static SSLContext context() {
        return CONTEXT;
    }

    private static final class Refusing extends SSLContextSpi {
        private static IllegalStateException refused() {
            return new IllegalStateException("TLS is not configured for this connection (plain HTTP only)");
        }

        @Override
        protected void engineInit(KeyManager[] km, TrustManager[] tm, SecureRandom sr) {
            throw refused();
        }

        @Override
        protected SSLSocketFactory engineGetSocketFactory() {
            throw refused();
        }

        @Override
        protected SSLServerSocketFactory engineGetServerSocketFactory() {
            throw refused();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine() {
            throw refused();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine(String host, int port) {
            throw refused();
        }

        @Override
        protected SSLSessionContext engineGetServerSessionContext() {
            throw refused();
        }

        @Override
        protected SSLSessionContext engineGetClientSessionContext() {
            throw refused();
        }

        // read by the JDK HttpClient when it is built; empty parameters, since TLS never happens
        @Override
        protected SSLParameters engineGetDefaultSSLParameters() {
            return new SSLParameters();
        }

        @Override
        protected SSLParameters engineGetSupportedSSLParameters() {
            return new SSLParameters();
        }
    }
}
