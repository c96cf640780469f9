package com.peaktrade.obs.cli;

import com.peaktrade.obs.check.Report;
import com.peaktrade.obs.docker.UpListener;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * The verify of `up --verify`, started as soon as up has started every container instead of after
 * up's wait for running/healthy: verify's checks wait for readiness themselves, so the stack is
 * reported green the moment it can be, not a healthcheck interval later. Its report is held until
 * up is done, so up's lines still come first.
 */
final class VerifyAhead {
    private final Supplier<Report> verify;
    private final CompletableFuture<Report> report = new CompletableFuture<>();
    private Thread running;

    VerifyAhead(Supplier<Report> verify) {
        this.verify = verify;
    }

    /** {@code up}'s listener, which also starts verify when up has started every container. */
    UpListener around(UpListener up) {
        return new UpListener() {
            @Override
            public void step(String message) {
                up.step(message);
            }

            @Override
            public void warn(String message) {
                up.warn(message);
            }

            @Override
            public void pullProgress(String image, long current, long total, String status) {
                up.pullProgress(image, current, total, status);
            }

            @Override
            public void started() {
                up.started();
                start();
            }
        };
    }

    private synchronized void start() {
        if (running == null) {
            running = new Thread(() -> {
                try {
                    report.complete(verify.get());
                } catch (RuntimeException | Error e) {
                    report.completeExceptionally(e);
                }
            }, "verify-ahead");
            running.setDaemon(true);
            running.start();
        }
    }

    /** Verify's report, once up is done; verify runs now if up never said it had started everything. */
    Report await() {
        synchronized (this) {
            if (running == null) {
                return verify.get();
            }
        }
        try {
            return report.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** up failed: its error is what the user sees, so the checks stop (they would wait for a stack that will not come). */
    synchronized void cancel() {
        if (running != null) {
            running.interrupt();
        }
    }
}
