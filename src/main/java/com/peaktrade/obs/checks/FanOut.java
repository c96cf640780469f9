package com.peaktrade.obs.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * One call per item, {@code width} at a time, results in the items' order: how a check asks a
 * thousand dashboards without asking them one after the other. The width matches the client's
 * in-flight limit, which is what actually bounds the server's load. An interrupted check (its budget
 * is over) stops the calls still waiting.
 */
final class FanOut {
    private FanOut() {
    }

    static <T, R> List<R> map(List<T> items, int width, Function<T, R> call) {
        if (items.size() <= 1 || width <= 1) {
            return items.stream().map(call).toList();
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(width, items.size()), r -> {
            Thread t = new Thread(r, "fan-out");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<R>> futures = new ArrayList<>(items.size());
            items.forEach(item -> futures.add(pool.submit(() -> call.apply(item))));
            List<R> results = new ArrayList<>(items.size());
            for (Future<R> f : futures) {
                results.add(f.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + items.size() + " calls were pending", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
