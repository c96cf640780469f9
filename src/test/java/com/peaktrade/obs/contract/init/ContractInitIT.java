package com.peaktrade.obs.contract.init;

import static org.assertj.core.api.Assertions.assertThat;

import com.peaktrade.obs.contract.Contract;
import com.peaktrade.obs.contract.ExpectedFamily;
import com.peaktrade.obs.contract.ExpectedJob;
import com.peaktrade.obs.contract.GoldenQuery;
import com.peaktrade.obs.prometheus.PrometheusClient;
import com.peaktrade.obs.testing.CliProcess;
import com.peaktrade.obs.testing.EngineExtension;
import com.peaktrade.obs.testing.TestEngine;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** `contract init --from-assets --from-running -p` on a real shadow stack: the draft loads and says what runs. */
@ExtendWith(EngineExtension.class)
class ContractInitIT {
    @TempDir
    Path tmp;

    @Test
    void aRunningShadowStackIsDraftedWithItsJobsExporterAndAP95PerServedEdge(TestEngine engine) throws Exception {
        String project = engine.project() + "-init";
        Map<String, String> env = engine.stackEnv(tmp);
        CliProcess.Result up = CliProcess.run(env, tmp, "shadow", "up", "-p", project);
        assertThat(up.exitCode()).as(up.toString()).isZero();
        try {
            awaitScrapes(URI.create("http://127.0.0.1:" + env.get("PEAKTRADE_OBS_PROMETHEUS_PORT")));
            Path file = tmp.resolve("peaktrade-obs.yaml");
            CliProcess.Result init = CliProcess.run(env, tmp, "contract", "init", "--from-assets",
                    Path.of("").toAbsolutePath().toString(), "-p", project, "-o", file.toString());
            assertThat(init.exitCode()).as(init.toString()).isZero();

            Contract contract = ContractInitFromAssetsTest.LOADER.load(file);
            Contract seed = ContractInitFromAssetsTest.LOADER.load(Path.of(Contract.FILE_NAME));
            assertThat(contract.stacks().entries()).singleElement().satisfies(s -> assertThat(s.project()).isEqualTo(project));
            assertThat(contract.prometheus().jobs().entries()).filteredOn(j -> !j.optional()).extracting(ExpectedJob::name)
                    .containsExactly("shadow_mvs");
            assertThat(contract.prometheus().queries().entries()).extracting(GoldenQuery::name).contains("up_shadow_mvs",
                    "p95_intent_to_submit", "p95_submit_to_ack", "p95_ack_to_fill", "p95_intent_to_ack", "p95_intent_to_fill");
            assertThat(contract.exporter("shadow_mvs").orElseThrow().families()).extracting(ExpectedFamily::name,
                    f -> Set.copyOf(f.labels().orElseThrow())).containsExactlyInAnyOrderElementsOf(seed.exporter("shadow_mvs")
                            .orElseThrow().families().stream()
                            .map(f -> org.assertj.core.groups.Tuple.tuple(f.name(), Set.copyOf(f.labels().orElseThrow()))).toList());
            assertThat(contract.grafana().dashboards().entries()).hasSize(4);
        } finally {
            CliProcess.run(env, tmp, "shadow", "down", "-p", project);
        }
    }

    /** Until the exporter's target is up and rate() has a few samples. */
    private static void awaitScrapes(URI prometheus) throws InterruptedException {
        PrometheusClient client = new PrometheusClient(prometheus, Duration.ofSeconds(5));
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (client.targets().value().stream().anyMatch(t -> t.scrapePool().equals("shadow_mvs") && t.isUp())) {
                    TimeUnit.SECONDS.sleep(8);
                    return;
                }
            } catch (RuntimeException stillStarting) {
                // Prometheus not ready yet
            }
            TimeUnit.MILLISECONDS.sleep(500);
        }
        throw new AssertionError("the shadow_mvs target never came up");
    }
}
