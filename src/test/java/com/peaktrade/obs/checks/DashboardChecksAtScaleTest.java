package com.peaktrade.obs.checks;

import static org.assertj.core.api.Assertions.assertThat;

import com.peaktrade.obs.check.CheckRunner;
import com.peaktrade.obs.check.Report;
import com.peaktrade.obs.check.Result;
import com.peaktrade.obs.check.RunOptions;
import com.peaktrade.obs.check.Status;
import com.peaktrade.obs.contract.Contract;
import com.peaktrade.obs.contract.ContractLoader;
import com.peaktrade.obs.contract.StackChoice;
import com.peaktrade.obs.http.FixtureServer;
import com.peaktrade.obs.lint.Rule;
import com.peaktrade.obs.lint.Rules;
import com.peaktrade.obs.stack.VerifyTargets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A contract of 500 dashboards (beyond the 100 asked for by uid) costs one request per dashboard plus a constant, and never more
 * than eight at once, against a fake Grafana that answers search and dashboard reads as §5/§6 say.
 */
class DashboardChecksAtScaleTest {
    private static final int DASHBOARDS = 500;
    private static final ContractLoader LOADER = new ContractLoader(Rules.all().stream().map(Rule::id).toList());

    private final FixtureServer grafana = FixtureServer.start();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger mostInFlight = new AtomicInteger();

    @AfterEach
    void stop() {
        grafana.close();
    }

    private static String uid(int i) {
        return String.format("scale-%05d", i);
    }

    private static String folder(int i) {
        return "folder-" + (i % 60);
    }

    /** The contract: every dashboard in its folder with a datasource variable DS. */
    private static Contract contract(Path dir) throws Exception {
        String dashboards = IntStream.range(0, DASHBOARDS)
                .mapToObj(i -> "    - {uid: " + uid(i) + ", folder: " + folder(i) + ", variables: [{name: DS, kind: datasource}]}")
                .collect(Collectors.joining("\n"));
        Path file = dir.resolve("scale.yaml");
        Files.writeString(file, "apiVersion: peaktrade-obs/v1\ngrafana:\n  dashboards:\n" + dashboards + "\n");
        return LOADER.load(file);
    }

    /** Search: all dashboards on page 1 (limit 5000), none after; a dashboard read: its DS variable. */
    private void fakeGrafana(int declaringDs) {
        grafana.onAny(exchange -> {
            mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                Thread.sleep(2); // long enough for callers to overlap
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            String path = exchange.getRequestURI().getPath();
            String body;
            if (path.equals("/api/search")) {
                boolean firstPage = !exchange.getRequestURI().getRawQuery().contains("page=");
                body = !firstPage ? "[]" : IntStream.range(0, DASHBOARDS).mapToObj(i -> "{\"uid\":\"" + uid(i)
                        + "\",\"title\":\"D" + i + "\",\"type\":\"dash-db\",\"url\":\"/d/" + uid(i) + "\",\"tags\":[],"
                        + "\"folderUid\":\"f" + (i % 60) + "\",\"folderTitle\":\"" + folder(i) + "\"}")
                        .collect(Collectors.joining(",", "[", "]"));
            } else {
                String uid = path.substring(path.lastIndexOf('/') + 1);
                int n = Integer.parseInt(uid.substring("scale-".length()));
                String variables = n < declaringDs ? "{\"name\":\"DS\",\"type\":\"datasource\"}" : "";
                body = "{\"dashboard\":{\"uid\":\"" + uid + "\",\"title\":\"D" + n + "\",\"templating\":{\"list\":["
                        + variables + "]},\"panels\":[]},\"meta\":{\"folderTitle\":\"" + folder(n) + "\",\"provisioned\":true}}";
            }
            inFlight.decrementAndGet();
            FixtureServer.json(200, body).respond(exchange);
        });
    }

    private Report verify(Path dir) throws Exception {
        Contract contract = contract(dir);
        var stack = StackChoice.of(contract, "grafana", () -> LOADER.loadEmbedded("test").stack("grafana"), true);
        var targets = new VerifyTargets(null, grafana.uri(), null, com.peaktrade.obs.stack.CredentialSources.resolve(com.peaktrade.obs.stack.AccessOptions.NONE, java.util.Map.of("GRAFANA_AUTH", "admin:admin"), com.peaktrade.obs.stack.CredentialSources.ProjectSecrets.NONE), null, "test");
        VerifyContext ctx = VerifyContext.of(stack, contract, targets, null);
        return new CheckRunner().run("grafana.verify", List.of(GrafanaChecks.dashboards(ctx), GrafanaChecks.dashboardVars(ctx)),
                RunOptions.defaults());
    }

    @Test
    void fiveHundredDashboardsCostOneSearchAndOneReadEachWithAtMostEightInFlight(@TempDir Path dir) throws Exception {
        fakeGrafana(DASHBOARDS);

        Report report = verify(dir);

        assertThat(report.results()).extracting(Result::status).as(report.toString()).containsOnly(Status.PASS);
        assertThat(report.result("grafana.dashboard.vars").orElseThrow().message())
                .isEqualTo("all 500 contracted variables declared in 500 dashboards");
        List<String> paths = grafana.requests().stream().map(FixtureServer.Recorded::pathAndQuery).toList();
        assertThat(paths).filteredOn(p -> p.startsWith("/api/search")).containsExactly("/api/search?type=dash-db&limit=5000");
        assertThat(paths).filteredOn(p -> p.startsWith("/api/dashboards/uid/")).hasSize(DASHBOARDS).doesNotHaveDuplicates();
        assertThat(paths).hasSize(DASHBOARDS + 1);
        assertThat(mostInFlight.get()).isBetween(2, 8);
    }

    @Test
    void dashboardsLackingTheirVariableAreNamedInTheContractsOrderWhateverOrderTheAnswersCameIn(@TempDir Path dir)
            throws Exception {
        fakeGrafana(DASHBOARDS - 3);

        Result vars = verify(dir).result("grafana.dashboard.vars").orElseThrow();

        assertThat(vars.status()).isEqualTo(Status.FAIL);
        assertThat(vars.message()).isEqualTo("scale-00497 lacks the DS variable; scale-00498 lacks the DS variable; "
                + "scale-00499 lacks the DS variable");
    }
}
