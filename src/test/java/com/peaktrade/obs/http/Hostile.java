package com.peaktrade.obs.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The hostile peers every client call is tried against: each answers every path the same bad way.
 * All on 127.0.0.1. Test helper.
 */
public enum Hostile {
    GARBAGE_JSON, HTML_LOGIN_PAGE_200, REDIRECT_TO_LOGIN, REDIRECT_LOOP, ERROR_500_WITH_BODY, ENDLESS_BODY,
    ACCEPTS_AND_NEVER_ANSWERS, TLS_ON_PLAIN_PORT, PLAIN_ON_TLS_PORT, CONNECTION_REFUSED;

    public static final String ERROR_500_BODY = "upstream exploded: something broke";
    public static final String LOGIN_PAGE = "<!DOCTYPE html><html><head><title>Grafana</title></head>"
            + "<body><form action=\"/login\">Sign in</form></body></html>";

    /** A running peer; close it after the call. */
    public interface Peer extends AutoCloseable {
        URI uri();

        @Override
        void close();
    }

    public Peer start() {
        switch (this) {
            case GARBAGE_JSON:
                return fixture(FixtureServer.json(200, "{\"status\":\"success\",\"data\":[1,2,,}}} garbage"));
            case HTML_LOGIN_PAGE_200:
                return fixture(FixtureServer.text(200, "text/html; charset=utf-8", LOGIN_PAGE));
            case REDIRECT_TO_LOGIN:
                return fixture(FixtureServer.redirect(302, "/login"));
            case REDIRECT_LOOP:
                FixtureServer loop = FixtureServer.start();
                loop.onAny(FixtureServer.redirect(302, loop.uri() + "/loop"));
                return peer(loop.uri(), loop::close);
            case ERROR_500_WITH_BODY:
                return fixture(FixtureServer.text(500, "text/plain", ERROR_500_BODY));
            case ENDLESS_BODY:
                return fixture(FixtureServer.endlessBody());
            case ACCEPTS_AND_NEVER_ANSWERS:
                return silent();
            case TLS_ON_PLAIN_PORT:
                return RawPeer.plainHttpAnsweringTls();
            case PLAIN_ON_TLS_PORT:
                return RawPeer.tlsAnsweringPlainHttp();
            default:
                return peer(URI.create("http://127.0.0.1:" + closedPort()), () -> {
                });
        }
    }

    private static Peer fixture(FixtureServer.Responder responder) {
        FixtureServer server = FixtureServer.start().onAny(responder);
        return peer(server.uri(), server::close);
    }

    private static Peer peer(URI uri, Runnable close) {
        return new Peer() {
            @Override
            public URI uri() {
                return uri;
            }

            @Override
            public void close() {
                close.run();
            }
        };
    }

    /** A port nothing listens on (bound, then closed). */
    public static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A raw socket that accepts connections and never says a word. */
    private static Peer silent() {
        try {
            ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            List<Socket> held = new CopyOnWriteArrayList<>();
            Thread acceptor = new Thread(() -> {
                while (!server.isClosed()) {
                    try {
                        held.add(server.accept());
                    } catch (IOException e) {
                        return;
                    }
                }
            }, "silent-peer");
            acceptor.setDaemon(true);
            acceptor.start();
            return peer(URI.create("http://127.0.0.1:" + server.getLocalPort()), () -> {
                try {
                    server.close();
                    for (Socket s : held) {
                        s.close();
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
