package com.peaktrade.obs.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;

/**
 * A raw TCP peer on 127.0.0.1 that, for each connection, reads what arrives first and answers with
 * fixed bytes, then closes: a plain HTTP server answering a TLS hello, or a TLS server answering
 * plain HTTP. Test helper.
 */
public final class RawPeer implements Hostile.Peer {
    private final ServerSocket server;
    private final String scheme;

    private RawPeer(String scheme, byte[] answer) throws IOException {
        this.scheme = scheme;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread thread = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket socket = server.accept()) {
                    InputStream in = socket.getInputStream();
                    in.read(new byte[8192]);
                    OutputStream out = socket.getOutputStream();
                    out.write(answer);
                    out.flush();
                } catch (IOException e) {
                    if (server.isClosed()) {
                        return;
                    }
                }
            }
        }, "raw-peer");
        thread.setDaemon(true);
        thread.start();
    }

    /** Starts a peer reached as {@code scheme://127.0.0.1:port} answering {@code answer}. */
    public static RawPeer start(String scheme, byte[] answer) {
        try {
            return new RawPeer(scheme, answer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What nginx or Go's net/http send back to a TLS hello on a plain port. */
    public static RawPeer plainHttpAnsweringTls() {
        return start("https", "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    /** A TLS server's alert (handshake failure) in answer to a plain HTTP request. */
    public static RawPeer tlsAnsweringPlainHttp() {
        return start("http", new byte[] {0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x28});
    }

    @Override
    public URI uri() {
        return URI.create(scheme + "://127.0.0.1:" + server.getLocalPort());
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
