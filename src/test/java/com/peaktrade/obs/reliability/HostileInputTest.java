package com.peaktrade.obs.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.peaktrade.obs.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * Hostile inputs through the real command line: each gets a named error and exit 2 (or 3) within a
 * bounded time, never a stack trace. Compose files go through `debug config -f`, which runs the same
 * loader as `up`; CLI values through the commands that take them.
 */
class HostileInputTest {
    @TempDir
    static Path dir;

    record Case(String name, byte[] compose, List<String> args, int exit, String expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Case compose(String name, String yaml, String expected) {
        return new Case(name, yaml.getBytes(StandardCharsets.UTF_8), null, 2, expected);
    }

    private static Case cli(String name, String expected, String... args) {
        return new Case(name, null, List.of(args), 2, expected);
    }

    static Stream<Case> cases() {
        List<Case> cases = new ArrayList<>();
        cases.add(compose("broken YAML", "services:\n  a: [unclosed\n", "compose.yaml"));
        cases.add(compose("tab indentation", "services:\n\ta:\n\t\timage: x\n", "compose.yaml"));
        cases.add(compose("ports as a number", "services:\n  a:\n    image: x\n    ports: 9090\n", "ports"));
        cases.add(compose("environment as a number", "services:\n  a:\n    image: x\n    environment: 5\n", "environment"));
        cases.add(compose("services as a list", "services:\n  - a\n", "services"));
        cases.add(compose("service as a string", "services:\n  a: nginx\n", "a"));
        cases.add(compose("duplicate key", "services:\n  a:\n    image: x\n    image: y\n", "image"));
        cases.add(compose("unknown depends_on", "services:\n  a:\n    image: x\n    depends_on: [ghost]\n", "ghost"));
        cases.add(compose("dependency cycle", "services:\n  a:\n    image: x\n    depends_on: [b]\n  b:\n    image: x\n    depends_on: [a]\n", "cycle"));
        cases.add(compose("self dependency", "services:\n  a:\n    image: x\n    depends_on: [a]\n", "a"));
        cases.add(compose("unset required variable", "services:\n  a:\n    image: ${PTOBS_HOSTILE_UNSET:?set the image}\n", "PTOBS_HOSTILE_UNSET"));
        cases.add(compose("unset required variable without colon", "services:\n  a:\n    image: ${PTOBS_HOSTILE_UNSET?}\n", "PTOBS_HOSTILE_UNSET"));
        cases.add(compose("malformed interpolation", "services:\n  a:\n    image: ${oops\n", "interpolation"));
        cases.add(compose("empty braces", "services:\n  a:\n    image: ${}\n", "interpolation"));
        cases.add(compose("port out of range", "services:\n  a:\n    image: x\n    ports: [\"70000:80\"]\n", "70000"));
        cases.add(compose("port zero target", "services:\n  a:\n    image: x\n    ports: [\"8080:0\"]\n", "0"));
        cases.add(compose("unequal port ranges", "services:\n  a:\n    image: x\n    ports: [\"9000-9001:9000-9002\"]\n", "range"));
        cases.add(compose("garbage port", "services:\n  a:\n    image: x\n    ports: [\"http:eighty\"]\n", "port"));
        cases.add(compose("undeclared named volume", "services:\n  a:\n    image: x\n    volumes: [\"data:/data\"]\n", "data"));
        cases.add(compose("no image", "services:\n  a:\n    command: [x]\n", "image"));
        cases.add(compose("build only", "services:\n  a:\n    build: .\n", "build"));
        cases.add(compose("empty file", "", "empty"));
        cases.add(compose("only a comment", "# nothing\n", "compose.yaml"));
        cases.add(compose("scalar document", "42\n", "compose.yaml"));
        cases.add(compose("no services key", "volumes: {}\n", "services"));
        cases.add(compose("alias bomb", aliasBomb(), "alias"));
        cases.add(compose("deep nesting", "services:\n  a:\n    image: x\n    labels:\n" + "      ".repeat(1) + "k: " + "[".repeat(5000) + "]".repeat(5000) + "\n", "compose.yaml"));
        cases.add(new Case("10 MB file", tenMegabytes(), null, 2, "compose.yaml"));
        cases.add(new Case("invalid UTF-8", new byte[] {'s', 'e', 'r', 'v', 'i', 'c', 'e', 's', ':', ' ', (byte) 0xC3, (byte) 0x28, '\n'},
                null, 2, "compose.yaml"));
        cases.add(compose("unknown YAML tag", "services:\n  a:\n    image: x\n    ports: !merge []\n", "merge"));
        cases.add(compose("file including itself", "include: [compose.yaml]\nservices:\n  a:\n    image: x\n", "include cycle"));
        cases.add(cli("missing compose file", "no-such-compose.yaml", "debug", "config", "-f", "no-such-compose.yaml"));
        cases.add(cli("compose file is a directory", "", "debug", "config", "-f", "."));
        cases.add(cli("unknown config format", "yml", "debug", "config", "-f", "x.yaml", "--format", "yml"));
        cases.add(cli("malformed prometheus URL", "--prometheus-url", "shadow", "verify", "--prometheus-url", "::nope"));
        cases.add(cli("URL with credentials", "credentials in the URL", "grafana", "verify", "--grafana-url", "http://admin:pw@127.0.0.1:3000"));
        cases.add(cli("ftp URL", "--grafana-url", "grafana", "verify", "--grafana-url", "ftp://127.0.0.1/"));
        cases.add(cli("unknown verify format", "unknown report format", "shadow", "verify", "--prometheus-url", "http://127.0.0.1:1", "--format", "tap"));
        cases.add(cli("negative budget", "", "shadow", "verify", "--prometheus-url", "http://127.0.0.1:1", "--budget", "prometheus.ready=-1s"));
        cases.add(cli("budget without duration", "", "shadow", "verify", "--prometheus-url", "http://127.0.0.1:1", "--budget", "prometheus.ready="));
        cases.add(cli("zero timeout", "", "shadow", "verify", "--prometheus-url", "http://127.0.0.1:1", "--timeout", "0s"));
        cases.add(cli("missing password file", "password file", "grafana", "verify", "--grafana-url", "http://127.0.0.1:1",
                "--grafana-password-file", "/nonexistent/pw"));
        cases.add(cli("empty password file", "is empty", "grafana", "verify", "--grafana-url", "http://127.0.0.1:1",
                "--grafana-password-file", "EMPTY_PASSWORD_FILE"));
        cases.add(cli("malformed GRAFANA_AUTH is covered by EndpointResolverTest; bad --color here", "--color", "--color=sometimes", "lint"));
        cases.add(cli("negative tail", "--tail", "debug", "logs", "grafana", "-p", "x", "--tail", "-3"));
        cases.add(cli("bad since", "", "debug", "logs", "grafana", "-p", "x", "--since", "yesterday"));
        cases.add(cli("unknown subcommand", "Unmatched argument", "shadow", "restart"));
        cases.add(cli("exporter port out of range", "port", "exporter", "--port", "70000"));
        cases.add(cli("exporter empty mode", "mode", "exporter", "--mode", ""));
        cases.add(cli("bad up timeout", "invalid duration", "shadow", "up", "--timeout", "forever"));
        return cases.stream();
    }

    private static String aliasBomb() {
        StringBuilder y = new StringBuilder("x-a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        String prev = "a";
        for (int i = 0; i < 9; i++) {
            String name = "b" + i;
            y.append("x-").append(name).append(": &").append(name).append(" [");
            for (int j = 0; j < 9; j++) {
                y.append(j == 0 ? "" : ",").append('*').append(prev);
            }
            y.append("]\n");
            prev = name;
        }
        return y.append("services:\n  a:\n    image: x\n").toString();
    }

    private static byte[] tenMegabytes() {
        StringBuilder y = new StringBuilder("services:\n  a:\n    image: x\n    labels:\n");
        int i = 0;
        while (y.length() < 10_000_000) {
            y.append("      label").append(i++).append(": \"").append("v".repeat(100)).append("\"\n");
        }
        return y.toString().getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void hostileInputGetsANamedErrorAndExit2WithoutAStackTrace(Case c) throws Exception {
        List<String> args;
        if (c.compose() != null) {
            Path file = Files.createTempDirectory(dir, "case").resolve("compose.yaml");
            Files.write(file, c.compose());
            args = List.of("debug", "config", "-f", file.toString());
        } else {
            Path empty = dir.resolve("empty-pw");
            Files.writeString(empty, "");
            args = c.args().stream().map(a -> a.equals("EMPTY_PASSWORD_FILE") ? empty.toString() : a).toList();
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] argv = args.toArray(String[]::new);
        CommandLine cmd = Main.newCommandLine(argv);
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        long start = System.nanoTime();
        int exit = cmd.execute(argv);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        String shown = "exit " + exit + "\nstdout:\n" + out + "\nstderr:\n" + err;
        assertThat(exit).as(shown).isEqualTo(c.exit());
        assertThat(err.toString()).as(shown).doesNotContain("\tat ").doesNotContain("internal error:").isNotBlank();
        assertThat(err.toString().toLowerCase()).as(shown).contains(c.expected().toLowerCase());
        assertThat(took).as("bounded time").isLessThan(Duration.ofSeconds(15));
    }
}
