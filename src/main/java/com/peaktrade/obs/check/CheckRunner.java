package com.peaktrade.obs.check;

import com.peaktrade.obs.error.ConfigException;
import com.peaktrade.obs.error.ObsException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Runs a suite of checks and returns a {@link Report}; never prints.
 *
 * <ul>
 *   <li>A check starts as soon as all its prerequisites are done; up to {@code parallelism} run at once.
 *   <li>A check whose prerequisite ended FAIL or SKIP is not run: it is SKIP, {@code skipped: <root> failed},
 *       naming the check that actually failed (also through a chain of skips). PASS and WARN satisfy.
 *   <li>{@link Check#requires()} entries that are not in the run are ignored (satisfied): a suite may leave
 *       a check out. A check requiring itself, a cycle, or two checks with one id are programming errors
 *       ({@link IllegalArgumentException}) and so is a budget that is not positive.
 *   <li>A {@code --budget} for an id not in the run is a {@link ConfigException} naming the valid ids.
 *   <li>Each check gets its effective budget ({@link RunOptions#budgetFor}); one still running at budget plus
 *       a grace is interrupted, abandoned and recorded FAIL {@code timed out after <budget>}.
 *   <li>An exception from a check is a FAIL with its message; its class and message (and causes) go into the
 *       evidence, never a stack trace.
 *   <li>Results come back in the given order, whatever order the checks finished in.
 * </ul>
 */
public final class CheckRunner {
    /** Time a check gets past its budget to report on its own before it is abandoned. */
    public static final Duration DEFAULT_GRACE = Duration.ofMillis(500);

    private final Duration grace;

    public CheckRunner() {
        this(DEFAULT_GRACE);
    }

    public CheckRunner(Duration grace) {
        this.grace = grace;
    }

    public Report run(String suite, List<Check> checks, RunOptions options) {
        Map<String, Check> byId = validate(checks, options);
        Instant startedAt = Instant.now();
        long start = System.nanoTime();
        ExecutorService pool = Executors.newCachedThreadPool(daemonThreads(suite));
        try {
            Map<String, Result> results = new Run(byId, options, pool).execute();
            List<Result> ordered = checks.stream().map(c -> results.get(c.id())).toList();
            return new Report(suite, ordered, Duration.ofNanos(System.nanoTime() - start), startedAt);
        } finally {
            pool.shutdownNow();
        }
    }

    /** One run's scheduling state; lives on the calling thread, workers only post to {@code finished}. */
    private final class Run {
        private final Map<String, Check> byId;
        private final RunOptions options;
        private final ExecutorService pool;
        private final Map<String, Result> done = new HashMap<>();
        /** For each check that ended FAIL or SKIP: the reason a dependant gives ("x failed"). */
        private final Map<String, String> rootCause = new HashMap<>();
        /** For checks skipped because of a prerequisite: the root cause they pass on. */
        private final Map<String, String> skipCause = new HashMap<>();
        private final List<String> waiting;
        private final Map<String, Running> running = new LinkedHashMap<>();
        private final BlockingQueue<Finished> finished = new LinkedBlockingQueue<>();

        Run(Map<String, Check> byId, RunOptions options, ExecutorService pool) {
            this.byId = byId;
            this.options = options;
            this.pool = pool;
            this.waiting = new ArrayList<>(byId.keySet());
        }

        Map<String, Result> execute() {
            try {
                while (done.size() < byId.size()) {
                    schedule();
                    if (done.size() < byId.size()) {
                        awaitNext();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                abandonAll();
            }
            return done;
        }

        /** Skips what cannot run and starts what can, until nothing changes. */
        private void schedule() {
            boolean changed = true;
            while (changed) {
                changed = false;
                for (Iterator<String> it = waiting.iterator(); it.hasNext(); ) {
                    Check check = byId.get(it.next());
                    List<String> prereqs = prerequisites(check);
                    if (!done.keySet().containsAll(prereqs)) {
                        continue;
                    }
                    List<String> unmet = prereqs.stream().filter(rootCause::containsKey).toList();
                    if (!unmet.isEmpty()) {
                        it.remove();
                        finish(skipped(check, unmet));
                        changed = true;
                    } else if (running.size() < options.parallelism()) {
                        it.remove();
                        start(check);
                        changed = true;
                    }
                }
            }
        }

        private void start(Check check) {
            Duration budget = options.budgetFor(check);
            long startNanos = System.nanoTime();
            Future<?> future = pool.submit(() -> finished.add(new Finished(check.id(), execute(check, budget))));
            running.put(check.id(), new Running(check, budget, startNanos, future));
        }

        private Result execute(Check check, Duration budget) {
            long startNanos = System.nanoTime();
            Outcome outcome;
            try {
                outcome = check.run(CheckContext.start(check.id(), budget, options.noWait()));
                if (outcome == null) {
                    outcome = Outcome.fail("check returned no outcome", "this is a bug in check " + check.id() + "; report it");
                }
            } catch (Exception | LinkageError | AssertionError | StackOverflowError e) {
                outcome = thrown(check, e);
            }
            return Result.of(check.id(), outcome, Duration.ofNanos(System.nanoTime() - startNanos));
        }

        /** Waits for a check to finish or for the earliest deadline, then abandons what overran. */
        private void awaitNext() throws InterruptedException {
            long now = System.nanoTime();
            long earliest = running.values().stream().mapToLong(r -> r.abandonAt(grace)).min().orElse(now);
            Finished next = finished.poll(Math.max(0, earliest - now), TimeUnit.NANOSECONDS);
            while (next != null) {
                if (running.remove(next.id()) != null) {
                    finish(next.result());
                }
                next = finished.poll();
            }
            long after = System.nanoTime();
            for (Running r : List.copyOf(running.values())) {
                if (after - r.abandonAt(grace) >= 0) {
                    r.future().cancel(true);
                    running.remove(r.check().id());
                    finish(timedOut(r, after));
                }
            }
        }

        private void abandonAll() {
            long now = System.nanoTime();
            for (Running r : running.values()) {
                r.future().cancel(true);
                finish(new Result(r.check().id(), Status.FAIL, "interrupted", List.of(),
                        "the run was interrupted before the check finished; run it again",
                        Duration.ofNanos(now - r.startNanos())));
            }
            running.clear();
            for (String id : waiting) {
                finish(new Result(id, Status.SKIP, "skipped: run interrupted", List.of(), null, Duration.ZERO));
            }
            waiting.clear();
        }

        private void finish(Result result) {
            done.put(result.id(), result);
            if (result.status() == Status.FAIL) {
                rootCause.put(result.id(), result.id() + " failed");
            } else if (result.status() == Status.SKIP) {
                rootCause.put(result.id(), skipCause.getOrDefault(result.id(), result.id() + " skipped"));
            }
        }

        private Result skipped(Check check, List<String> unmet) {
            String reason = unmet.stream().map(rootCause::get).distinct().collect(Collectors.joining(", "));
            skipCause.put(check.id(), reason);
            List<String> evidence = unmet.stream()
                    .map(id -> "requires " + id + " (" + done.get(id).status() + ": " + done.get(id).message() + ")")
                    .toList();
            return new Result(check.id(), Status.SKIP, "skipped: " + reason, evidence, null, Duration.ZERO);
        }

        /** Prerequisites that are part of this run, in the suite's order; absent ids are satisfied. */
        private List<String> prerequisites(Check check) {
            return byId.keySet().stream().filter(check.requires()::contains).toList();
        }
    }

    private Result timedOut(Running r, long now) {
        String id = r.check().id();
        return new Result(id, Status.FAIL, "timed out after " + Durations.format(r.budget()),
                List.of("budget " + Durations.format(r.budget()) + ", abandoned after "
                        + Durations.seconds(Duration.ofNanos(now - r.startNanos())) + " s"),
                "raise it with --budget " + id + "=" + Durations.format(r.budget().multipliedBy(2)),
                Duration.ofNanos(now - r.startNanos()));
    }

    private static Outcome thrown(Check check, Throwable e) {
        String message = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
        List<String> evidence = new ArrayList<>();
        Set<Throwable> seen = new HashSet<>();
        for (Throwable t = e; t != null && seen.add(t); t = t.getCause()) {
            evidence.add((t == e ? "exception: " : "caused by: ") + t.getClass().getName()
                    + (t.getMessage() == null ? "" : ": " + t.getMessage()));
        }
        String hint = e instanceof ObsException obs && obs.hint() != null ? obs.hint()
                : "check " + check.id() + " could not complete; the evidence names the error";
        return new Outcome(Status.FAIL, message, evidence, hint);
    }

    private static Map<String, Check> validate(List<Check> checks, RunOptions options) {
        Map<String, Check> byId = new LinkedHashMap<>();
        for (Check check : checks) {
            if (byId.putIfAbsent(check.id(), check) != null) {
                throw new IllegalArgumentException("two checks with id " + check.id());
            }
            if (check.requires().contains(check.id())) {
                throw new IllegalArgumentException("check " + check.id() + " requires itself");
            }
            Duration budget = check.budget();
            if (budget == null || budget.isZero() || budget.isNegative()) {
                throw new IllegalArgumentException("check " + check.id() + " has no positive budget: " + budget);
            }
        }
        List<String> unknown = options.budgets().keySet().stream().filter(id -> !byId.containsKey(id)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw new ConfigException("--budget names " + (unknown.size() == 1 ? "an unknown check id: " : "unknown check ids: ")
                    + String.join(", ", unknown), "valid ids: " + String.join(", ", byId.keySet()));
        }
        rejectCycles(byId);
        return byId;
    }

    /** Depth-first search over the prerequisites present in the run. */
    private static void rejectCycles(Map<String, Check> byId) {
        Map<String, Integer> state = new HashMap<>(); // 1 = on the path, 2 = done
        for (String id : byId.keySet()) {
            visit(id, byId, state, new ArrayList<>());
        }
    }

    private static void visit(String id, Map<String, Check> byId, Map<String, Integer> state, List<String> path) {
        Integer s = state.get(id);
        if (s != null && s == 2) {
            return;
        }
        path.add(id);
        if (s != null) {
            throw new IllegalArgumentException("checks require each other in a cycle: "
                    + String.join(" -> ", path.subList(path.indexOf(id), path.size())));
        }
        state.put(id, 1);
        for (String prereq : byId.get(id).requires()) {
            if (byId.containsKey(prereq)) {
                visit(prereq, byId, state, path);
            }
        }
        state.put(id, 2);
        path.remove(path.size() - 1);
    }

    private static ThreadFactory daemonThreads(String suite) {
        AtomicInteger n = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "check-" + suite + "-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private record Running(Check check, Duration budget, long startNanos, Future<?> future) {
        long abandonAt(Duration grace) {
            return startNanos + budget.toNanos() + grace.toNanos();
        }
    }

    private record Finished(String id, Result result) {
    }
}
