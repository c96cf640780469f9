package com.peaktrade.obs.compose;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.peaktrade.obs.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Runs the real command line with captured output, as a user would. */
class DebugConfigCommandTest {
    @TempDir
    Path dir;

    private record Run(int exitCode, String out, String err) {
        String describe() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.newCommandLine(args);
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private Path write(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content);
    }

    @Test
    void printsTheMergedModelAsJson() throws Exception {
        Path base = write("compose.yaml", "name: demo\nservices:\n  app:\n    image: app:1\n    privileged: true\n");
        Path override = write("override.yaml", "services:\n  app:\n    image: app:2\n");
        Run run = run("debug", "config", "-f", base.toString(), "-f", override.toString(), "--format", "json");
        assertThat(run.exitCode()).as(run.describe()).isZero();
        JsonNode root = new JsonMapper().readTree(run.out());
        assertThat(root.at("/services/app/image").asText()).as(run.describe()).isEqualTo("app:2");
        assertThat(run.err()).as(run.describe()).isEqualTo("warning: " + base
                + ":5: service \"app\": key \"privileged\" is not supported and is ignored\n");
    }

    @Test
    void printsYamlByDefaultAndHonoursTheProjectName() throws Exception {
        Path file = write("compose.yaml", "services:\n  app: {image: app:1}\n");
        Run run = run("debug", "config", "-f", file.toString(), "-p", "chosen");
        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.out()).as(run.describe()).startsWith("name: chosen\nservices:\n  app:\n");
    }

    @Test
    void aConfigErrorExitsTwoWithOneLineAndNoStackTrace() throws Exception {
        Path file = write("compose.yaml", "services:\n  app:\n    image: app\n    ports: 9090\n");
        Run run = run("debug", "config", "-f", file.toString());
        assertThat(run.exitCode()).as(run.describe()).isEqualTo(2);
        assertThat(run.out()).as(run.describe()).isEmpty();
        assertThat(run.err()).as(run.describe())
                .contains("error: " + file + ":4: services.app.ports must be a list, not the value 9090")
                .doesNotContain("at com.");
    }

    @Test
    void withoutFileOptionsTheNamedStacksModelIsPrinted() {
        Run run = run("debug", "config", "--stack", "grafana");
        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.out()).as(run.describe()).startsWith("name: peaktrade-grafana-local\n").contains("  grafana:");
    }

    @Test
    void anUnknownFormatIsAUsageError() throws Exception {
        Path file = write("compose.yaml", "services:\n  app: {image: app:1}\n");
        assertThat(run("debug", "config", "-f", file.toString(), "--format", "xml").exitCode()).isEqualTo(2);
    }
}
