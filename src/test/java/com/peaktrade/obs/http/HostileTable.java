package com.peaktrade.obs.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs one client call against every {@link Hostile} peer and checks each outcome: a failure of the
 * expected kind (with the URL, without secrets) or an answer, always within timeout + 1 s. Test helper.
 */
public final class HostileTable {
    /** What a call must do against one peer. */
    public static final class Expect {
        final HttpFailure.Kind kind;
        final Consumer<Object> answer;

        private Expect(HttpFailure.Kind kind, Consumer<Object> answer) {
            this.kind = kind;
            this.answer = answer;
        }

        @Override
        public String toString() {
            return kind != null ? "failure " + kind : "an answer";
        }
    }

    public static Expect fails(HttpFailure.Kind kind) {
        return new Expect(kind, null);
    }

    public static Expect answers(Consumer<Object> check) {
        return new Expect(null, check);
    }

    /**
     * The common expectations of a call that needs a JSON 2xx: BAD_RESPONSE for garbage and HTML,
     * HTTP_STATUS for redirects and 500, TIMEOUT for silence and endless bodies, UNREACHABLE for TLS
     * mismatch and refused connections.
     */
    public static Map<Hostile, Expect> strictJson() {
        Map<Hostile, Expect> table = new EnumMap<>(Hostile.class);
        table.put(Hostile.GARBAGE_JSON, fails(HttpFailure.Kind.BAD_RESPONSE));
        table.put(Hostile.HTML_LOGIN_PAGE_200, fails(HttpFailure.Kind.BAD_RESPONSE));
        table.put(Hostile.REDIRECT_TO_LOGIN, fails(HttpFailure.Kind.HTTP_STATUS));
        table.put(Hostile.REDIRECT_LOOP, fails(HttpFailure.Kind.HTTP_STATUS));
        table.put(Hostile.ERROR_500_WITH_BODY, fails(HttpFailure.Kind.HTTP_STATUS));
        table.put(Hostile.ENDLESS_BODY, fails(HttpFailure.Kind.TIMEOUT));
        table.put(Hostile.ACCEPTS_AND_NEVER_ANSWERS, fails(HttpFailure.Kind.TIMEOUT));
        table.put(Hostile.TLS_ON_PLAIN_PORT, fails(HttpFailure.Kind.UNREACHABLE));
        table.put(Hostile.PLAIN_ON_TLS_PORT, fails(HttpFailure.Kind.UNREACHABLE));
        table.put(Hostile.CONNECTION_REFUSED, fails(HttpFailure.Kind.UNREACHABLE));
        return table;
    }

    /** As {@link #strictJson()}, but some peers give answers. */
    public static Map<Hostile, Expect> strictJsonExcept(Map<Hostile, Expect> overrides) {
        Map<Hostile, Expect> table = strictJson();
        table.putAll(overrides);
        return table;
    }

    /**
     * Runs {@code call} (given the peer's base URL) against every peer in {@code table}; collects all
     * mismatches and reports them together.
     *
     * @param secrets strings that must appear in no failure message
     */
    public static void run(String callName, Duration timeout, Map<Hostile, Expect> table,
            Function<URI, Object> call, String... secrets) {
        List<String> mismatches = new ArrayList<>();
        for (Map.Entry<Hostile, Expect> row : table.entrySet()) {
            try (Hostile.Peer peer = row.getKey().start()) {
                long start = System.nanoTime();
                Object answer = null;
                HttpFailure failure = null;
                try {
                    answer = call.apply(peer.uri());
                } catch (HttpFailure f) {
                    failure = f;
                }
                Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
                String where = callName + " vs " + row.getKey() + ": ";
                // bounded, not timed: a hang shows as many times the timeout; the slack absorbs a loaded machine
                if (elapsed.compareTo(timeout.multipliedBy(2).plusSeconds(5)) > 0) {
                    mismatches.add(where + "took " + elapsed.toMillis() + " ms");
                }
                Expect expect = row.getValue();
                if (expect.kind != null) {
                    if (failure == null) {
                        mismatches.add(where + "expected " + expect + ", got answer " + answer);
                    } else if (failure.kind() != expect.kind) {
                        mismatches.add(where + "expected " + expect + ", got " + failure);
                    } else {
                        checkFailure(where, failure, peer.uri(), secrets, mismatches);
                    }
                } else if (failure != null) {
                    mismatches.add(where + "expected an answer, got " + failure);
                } else {
                    try {
                        expect.answer.accept(answer);
                    } catch (AssertionError e) {
                        mismatches.add(where + e.getMessage());
                    }
                }
            }
        }
        if (!mismatches.isEmpty()) {
            fail(String.join("\n", mismatches));
        }
    }

    private static void checkFailure(String where, HttpFailure failure, URI base, String[] secrets,
            List<String> mismatches) {
        String message = failure.getMessage();
        if (!message.contains(base.getHost() + ":" + base.getPort())) {
            mismatches.add(where + "message does not name the URL: " + message);
        }
        if (message.contains("\n")) {
            mismatches.add(where + "message is not one line: " + message);
        }
        for (String secret : secrets) {
            for (String text : List.of(message, failure.toString(), failure.bodyExcerpt(), failure.url(),
                    String.valueOf(failure.serverMessage()))) {
                if (text.contains(secret)) {
                    mismatches.add(where + "a secret leaked: " + text);
                }
            }
        }
        if (failure.kind() == HttpFailure.Kind.HTTP_STATUS) {
            assertThat(failure.status()).isBetween(300, 599);
        }
    }

    private HostileTable() {
    }
}
