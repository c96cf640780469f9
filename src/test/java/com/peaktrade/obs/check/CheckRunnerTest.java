package com.peaktrade.obs.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.peaktrade.obs.error.ConfigException;
import com.peaktrade.obs.error.EnvironmentException;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class CheckRunnerTest {
    private static final Duration BUDGET = Duration.ofSeconds(5);
    private static final Duration GRACE = Duration.ofMillis(100);
    private final CheckRunner runner = new CheckRunner(GRACE);

    private static Check passing(String id, String... requires) {
        return Check.of(id, Set.of(requires), BUDGET, ctx -> Outcome.pass(id + " ok"));
    }

    private static Check failing(String id, String... requires) {
        return Check.of(id, Set.of(requires), BUDGET, ctx -> Outcome.fail(id + " broken", "fix " + id));
    }

    private static Check warning(String id, String... requires) {
        return Check.of(id, Set.of(requires), BUDGET, ctx -> Outcome.warn(id + " meh", null));
    }

    private Report run(Check... checks) {
        return runner.run("shadow", List.of(checks), RunOptions.defaults());
    }

    private static List<String> lines(Report report) {
        return report.results().stream().map(r -> r.status() + "|" + r.id() + "|" + r.message()).toList();
    }

    @Test
    void independentChecksRunConcurrently() {
        CyclicBarrier bothRunning = new CyclicBarrier(2);
        CheckBody meetTheOther = ctx -> {
            bothRunning.await(5, TimeUnit.SECONDS); // sequential execution would time out here
            return Outcome.pass("met");
        };
        Report report = run(Check.of("a", BUDGET, meetTheOther), Check.of("b", BUDGET, meetTheOther));
        assertThat(lines(report)).containsExactly("PASS|a|met", "PASS|b|met");
    }

    @Test
    void parallelismLimitsHowManyRunAtOnce() {
        AtomicInteger now = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CheckBody busy = ctx -> {
            most.accumulateAndGet(now.incrementAndGet(), Math::max);
            Thread.sleep(30);
            now.decrementAndGet();
            return Outcome.pass("done");
        };
        List<Check> checks = List.of(Check.of("a", BUDGET, busy), Check.of("b", BUDGET, busy), Check.of("c", BUDGET, busy),
                Check.of("d", BUDGET, busy), Check.of("e", BUDGET, busy));
        Report report = runner.run("shadow", checks, new RunOptions(null, Map.of(), false, 2));
        assertThat(report.passed()).isTrue();
        assertThat(most.get()).isEqualTo(2);
    }

    @Test
    void resultsComeInTheGivenOrderNotTheOrderTheyFinished() {
        CountDownLatch lastFinished = new CountDownLatch(1);
        Check slowFirst = Check.of("slow", BUDGET, ctx -> {
            lastFinished.await(5, TimeUnit.SECONDS);
            return Outcome.pass("slow ok");
        });
        Check quickSecond = Check.of("quick", BUDGET, ctx -> {
            lastFinished.countDown();
            return Outcome.pass("quick ok");
        });
        assertThat(lines(run(slowFirst, quickSecond))).containsExactly("PASS|slow|slow ok", "PASS|quick|quick ok");
    }

    @Test
    void aCheckStartsOnlyAfterItsPrerequisitesAreDone() {
        AtomicInteger authDone = new AtomicInteger();
        Check auth = Check.of("grafana.auth", BUDGET, ctx -> {
            Thread.sleep(50);
            authDone.set(1);
            return Outcome.pass("auth ok");
        });
        Check datasources = Check.of("grafana.datasources", Set.of("grafana.auth"), BUDGET,
                ctx -> authDone.get() == 1 ? Outcome.pass("after auth") : Outcome.fail("ran too early", "bug"));
        assertThat(lines(run(datasources, auth))).containsExactly("PASS|grafana.datasources|after auth", "PASS|grafana.auth|auth ok");
    }

    @Test
    void aFailedPrerequisiteSkipsItsDependantsTransitivelyNamingTheRootCause() {
        AtomicInteger ran = new AtomicInteger();
        Check counted = Check.of("grafana.query", Set.of("grafana.datasources"), BUDGET, ctx -> {
            ran.incrementAndGet();
            return Outcome.pass("ran");
        });
        Report report = run(passing("grafana.health"), failing("grafana.auth", "grafana.health"),
                passing("grafana.datasources", "grafana.auth"), counted, passing("prometheus.ready"));
        assertThat(lines(report)).containsExactly(
                "PASS|grafana.health|grafana.health ok",
                "FAIL|grafana.auth|grafana.auth broken",
                "SKIP|grafana.datasources|skipped: grafana.auth failed",
                "SKIP|grafana.query|skipped: grafana.auth failed",
                "PASS|prometheus.ready|prometheus.ready ok");
        assertThat(ran).hasValue(0);
        assertThat(report.result("grafana.datasources").orElseThrow().evidence())
                .containsExactly("requires grafana.auth (FAIL: grafana.auth broken)");
        assertThat(report.result("grafana.query").orElseThrow().evidence())
                .containsExactly("requires grafana.datasources (SKIP: skipped: grafana.auth failed)");
        assertThat(report.result("grafana.query").orElseThrow().duration()).isZero();
        assertThat(report.exitCode()).isEqualTo(1);
    }

    @Test
    void aCheckThatSkipsItselfSkipsItsDependantsAsSkippedNotFailed() {
        Check notConfigured = Check.of("grafana.datasource.main", BUDGET, ctx -> Outcome.skip("main not configured"));
        Report report = run(notConfigured, passing("grafana.query.main", "grafana.datasource.main"));
        assertThat(lines(report)).containsExactly(
                "SKIP|grafana.datasource.main|main not configured",
                "SKIP|grafana.query.main|skipped: grafana.datasource.main skipped");
        assertThat(report.exitCode()).isZero();
    }

    @Test
    void severalFailedPrerequisitesAreAllNamed() {
        Report report = run(failing("a"), failing("b"), passing("c", "b", "a"));
        assertThat(report.result("c").orElseThrow().message()).isEqualTo("skipped: a failed, b failed");
    }

    @Test
    void aWarningOrPassingPrerequisiteDoesNotSkip() {
        Report report = run(warning("grafana.datasource.health"), passing("grafana.health"),
                passing("grafana.query", "grafana.datasource.health", "grafana.health"));
        assertThat(lines(report)).containsExactly(
                "WARN|grafana.datasource.health|grafana.datasource.health meh",
                "PASS|grafana.health|grafana.health ok",
                "PASS|grafana.query|grafana.query ok");
        assertThat(report.exitCode()).isZero();
    }

    @Test
    void prerequisitesLeftOutOfTheSuiteCountAsSatisfied() {
        Report report = run(passing("prometheus.targets", "stack.containers", "prometheus.ready"), passing("prometheus.ready"));
        assertThat(lines(report)).containsExactly("PASS|prometheus.targets|prometheus.targets ok", "PASS|prometheus.ready|prometheus.ready ok");
    }

    @Test
    void aCheckStillRunningAfterItsBudgetFailsAsTimedOut() {
        CountDownLatch never = new CountDownLatch(1);
        AtomicInteger interrupted = new AtomicInteger();
        Check stuck = Check.of("prometheus.targets", Duration.ofMillis(200), ctx -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                interrupted.incrementAndGet();
                throw e;
            }
            return Outcome.pass("never");
        });
        long start = System.nanoTime();
        Report report = run(stuck, passing("prometheus.ready"), passing("prometheus.query", "prometheus.targets"));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        Result timedOut = report.result("prometheus.targets").orElseThrow();
        assertThat(timedOut.status()).isEqualTo(Status.FAIL);
        assertThat(timedOut.message()).isEqualTo("timed out after 200ms");
        assertThat(timedOut.hint()).isEqualTo("raise it with --budget prometheus.targets=400ms");
        assertThat(timedOut.duration()).isBetween(Duration.ofMillis(300), Duration.ofMillis(1000));
        assertThat(took).isLessThan(Duration.ofMillis(1500));
        assertThat(report.result("prometheus.ready").orElseThrow().status()).isEqualTo(Status.PASS);
        assertThat(report.result("prometheus.query").orElseThrow().message()).isEqualTo("skipped: prometheus.targets failed");
    }

    @Test
    void aCheckThatIgnoresInterruptsIsAbandonedAndDoesNotHoldUpTheRun() {
        Check busy = Check.of("exporter.metrics", Duration.ofMillis(200), ctx -> {
            long until = System.nanoTime() + Duration.ofSeconds(3).toNanos();
            while (System.nanoTime() < until) {
                Thread.onSpinWait(); // deaf to interrupts
            }
            return Outcome.pass("late");
        });
        long start = System.nanoTime();
        Report report = runner.run("shadow", List.of(busy, passing("b"), passing("c")), new RunOptions(null, Map.of(), false, 1));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1500));
        assertThat(lines(report)).containsExactly("FAIL|exporter.metrics|timed out after 200ms", "PASS|b|b ok", "PASS|c|c ok");
    }

    @Test
    void anExceptionIsAFailWithItsMessageAndNoStackTrace() {
        Check throwing = Check.of("prometheus.ready", BUDGET, ctx -> {
            throw new IOException("connect to localhost:9092 refused", new IllegalStateException("socket closed"));
        });
        Result result = run(throwing).results().get(0);
        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.message()).isEqualTo("connect to localhost:9092 refused");
        assertThat(result.evidence()).containsExactly(
                "exception: java.io.IOException: connect to localhost:9092 refused",
                "caused by: java.lang.IllegalStateException: socket closed");
        assertThat(result.hint()).isEqualTo("check prometheus.ready could not complete; the evidence names the error");
        assertThat(String.join("\n", result.evidence())).doesNotContain("\tat ");
    }

    @Test
    void anExceptionWithAHintKeepsItsHintAndOneWithoutMessageIsNamedByItsClass() {
        Check withHint = Check.of("docker.daemon", BUDGET, ctx -> {
            throw new EnvironmentException("Docker is not reachable at unix:///var/run/docker.sock", "start Docker");
        });
        Check bare = Check.of("grafana.health", BUDGET, ctx -> {
            throw new NullPointerException();
        });
        Report report = run(withHint, bare);
        assertThat(report.results().get(0).hint()).isEqualTo("start Docker");
        assertThat(report.results().get(1).message()).isEqualTo("NullPointerException");
        assertThat(report.results().get(1).evidence()).containsExactly("exception: java.lang.NullPointerException");
    }

    @Test
    void noOutcomeIsAFail() {
        Result result = run(Check.of("x", BUDGET, ctx -> null)).results().get(0);
        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.message()).isEqualTo("check returned no outcome");
    }

    @Test
    void noWaitMakesEveryPollASingleAttempt() {
        AtomicInteger attempts = new AtomicInteger();
        Check polling = Check.of("prometheus.targets", BUDGET, ctx -> {
            var polled = ctx.poll(() -> {
                attempts.incrementAndGet();
                return Optional.empty();
            });
            return polled.done() ? Outcome.pass("up") : Outcome.fail("not up", "wait", CheckContext.describe(polled));
        });
        Report report = runner.run("shadow", List.of(polling), new RunOptions(null, Map.of(), true, 8));
        assertThat(attempts).hasValue(1);
        assertThat(report.results().get(0).evidence()).singleElement().asString().startsWith("1 attempt in ");
    }

    @Test
    void withoutNoWaitAPollRetriesUntilItsValueArrives() {
        AtomicInteger attempts = new AtomicInteger();
        Check polling = Check.of("prometheus.targets", BUDGET, ctx -> {
            var polled = ctx.poll(() -> attempts.incrementAndGet() < 3 ? Optional.empty() : Optional.of("up"));
            return Outcome.pass("target " + polled.value().orElseThrow(), "ready after " + CheckContext.describe(polled));
        });
        Result result = run(polling).results().get(0);
        assertThat(result.message()).isEqualTo("target up");
        assertThat(result.evidence()).singleElement().asString().startsWith("ready after 3 attempts in 0.");
    }

    @Test
    void budgetsComeFromTheCheckThenTimeoutThenPerIdBudget() {
        Check a = Check.of("a", Duration.ofSeconds(7), ctx -> Outcome.pass(Durations.format(ctx.budget())));
        Check b = Check.of("b", Duration.ofSeconds(7), ctx -> Outcome.pass(Durations.format(ctx.budget())));
        assertThat(lines(runner.run("s", List.of(a, b), RunOptions.defaults()))).containsExactly("PASS|a|7s", "PASS|b|7s");
        assertThat(lines(runner.run("s", List.of(a, b), new RunOptions(Duration.ofSeconds(2), Map.of(), false, 8))))
                .containsExactly("PASS|a|2s", "PASS|b|2s");
        assertThat(lines(runner.run("s", List.of(a, b), new RunOptions(Duration.ofSeconds(2), Map.of("b", Duration.ofMinutes(1)), false, 8))))
                .containsExactly("PASS|a|2s", "PASS|b|1m");
    }

    @Test
    void aBudgetForAnUnknownIdIsAConfigErrorListingTheValidIds() {
        RunOptions options = new RunOptions(null, Map.of("grafana.auht", Duration.ofSeconds(5)), false, 8);
        assertThatThrownBy(() -> runner.run("grafana", List.of(passing("grafana.health"), passing("grafana.auth")), options))
                .isInstanceOf(ConfigException.class)
                .hasMessage("--budget names an unknown check id: grafana.auht")
                .extracting(e -> ((ConfigException) e).hint()).isEqualTo("valid ids: grafana.health, grafana.auth");
    }

    @Test
    void aBudgetThatIsNotPositiveIsAConfigError() {
        assertThatThrownBy(() -> new RunOptions(null, Map.of("a", Duration.ZERO), false, 8))
                .isInstanceOf(ConfigException.class).hasMessageContaining("--budget a must be a positive duration");
        assertThatThrownBy(() -> new RunOptions(Duration.ofSeconds(-1), Map.of(), false, 8))
                .isInstanceOf(ConfigException.class).hasMessageContaining("--timeout must be a positive duration");
    }

    @Test
    void programmingErrorsInTheSuiteAreRejectedBeforeAnythingRuns() {
        assertThatThrownBy(() -> run(passing("a"), passing("a")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("two checks with id a");
        assertThatThrownBy(() -> run(passing("a", "a")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("check a requires itself");
        assertThatThrownBy(() -> run(passing("a", "c"), passing("b", "a"), passing("c", "b")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("checks require each other in a cycle: a -> c -> b -> a");
        assertThatThrownBy(() -> run(Check.of("a", Duration.ZERO, ctx -> Outcome.pass("x"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no positive budget");
    }

    @Test
    void theExitCodeIsZeroUnlessACheckFailed() {
        assertThat(run(passing("a"), warning("b")).exitCode()).isZero();
        assertThat(run(passing("a"), failing("b")).exitCode()).isEqualTo(1);
        assertThat(run().exitCode()).isZero();
    }

    @Test
    void theReportMeasuresEachCheckAndTheWholeRun() {
        Check sleepy = Check.of("a", BUDGET, ctx -> {
            Thread.sleep(60);
            return Outcome.pass("slept");
        });
        Report report = run(sleepy, passing("b"));
        assertThat(report.suite()).isEqualTo("shadow");
        assertThat(report.results().get(0).duration()).isGreaterThanOrEqualTo(Duration.ofMillis(60));
        assertThat(report.wallTime()).isGreaterThanOrEqualTo(Duration.ofMillis(60));
        assertThat(report.startedAt()).isNotNull();
        assertThat(report.counts()).containsEntry(Status.PASS, 2).containsEntry(Status.FAIL, 0);
    }

    @Test
    void anInterruptedRunReturnsWhatItHasRunningChecksFailAndWaitingOnesSkip() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        Check stuck = Check.of("a", BUDGET, ctx -> {
            started.countDown();
            new CountDownLatch(1).await();
            return Outcome.pass("never");
        });
        Report[] report = new Report[1];
        Thread caller = new Thread(() -> report[0] = runner.run("shadow", List.of(stuck, passing("b", "a")), RunOptions.defaults()));
        caller.start();
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        caller.interrupt();
        caller.join(5000);
        assertThat(lines(report[0])).containsExactly("FAIL|a|interrupted", "SKIP|b|skipped: run interrupted");
    }
}
