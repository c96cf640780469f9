package com.peaktrade.obs.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a body up to a size cap. Beyond the cap, or when the connection breaks after the headers,
 * the body fails with a {@link BodyProblem} that says which, so the transport can tell "too large" and
 * "truncated" (BAD_RESPONSE) from "never answered" (UNREACHABLE). {@link #abort()} stops a body that
 * never ends.
 */
final class BoundedBody implements HttpResponse.BodySubscriber<byte[]> {
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final long max;
    private final int status;
    private volatile Flow.Subscription subscription;

    BoundedBody(long max, int status) {
        this.max = max;
        this.status = status;
    }

    /** A body the headers already announce as too large: fails without reading it. */
    static BoundedBody refusing(long max, int status, long announced) {
        BoundedBody body = new BoundedBody(max, status);
        body.result.completeExceptionally(new BodyProblem(status, true,
                "body of " + announced + " bytes exceeds the limit of " + max + " bytes", null));
        return body;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        if (result.isDone()) {
            s.cancel();
        } else {
            s.request(Long.MAX_VALUE);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        if (result.isDone()) {
            return;
        }
        for (ByteBuffer item : items) {
            if (buffer.size() + (long) item.remaining() > max) {
                result.completeExceptionally(new BodyProblem(status, true,
                        "body exceeds the limit of " + max + " bytes", null));
                abort();
                return;
            }
            byte[] chunk = new byte[item.remaining()];
            item.get(chunk);
            buffer.write(chunk, 0, chunk.length);
        }
    }

    @Override
    public void onError(Throwable throwable) {
        result.completeExceptionally(new BodyProblem(status, false,
                "body broke off after " + buffer.size() + " bytes (truncated): " + describe(throwable), throwable));
    }

    @Override
    public void onComplete() {
        result.complete(buffer.toByteArray());
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }

    /** Stops reading: cancels the subscription so the connection is given up. */
    void abort() {
        Flow.Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
    }

    private static String describe(Throwable t) {
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    /** The body could not be read whole: too large, or broken off. */
    static final class BodyProblem extends IOException {
        private static final long serialVersionUID = 1L;
        final int status;
        final boolean tooLarge;

        BodyProblem(int status, boolean tooLarge, String message, Throwable cause) {
            super(message, cause);
            this.status = status;
            this.tooLarge = tooLarge;
        }
    }
}
