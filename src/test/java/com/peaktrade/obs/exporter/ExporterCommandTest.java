package com.peaktrade.obs.exporter;

import static org.assertj.core.api.Assertions.assertThat;

import com.peaktrade.obs.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** `peaktrade-obs exporter` through the real CommandLine with captured writers. */
class ExporterCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = Main.newCommandLine(args);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private String output() {
        return "stdout:\n" + out + "\nstderr:\n" + err;
    }

    @ParameterizedTest(name = "{0} -> exit 2: {1}")
    @CsvSource(delimiter = '|', value = {
        "--port 70000                   | --port 70000 is out of range: must be 1..65535",
        "--port 0                       | --port 0 is out of range: must be 1..65535",
        "--port http                    | Invalid value for option '--port'",
        "--mode=                        | --mode '' is not a usable label value: it must not be empty",
        "--exchange=s\u0007m           | --exchange 's?m' is not a usable label value: it contains a control character",
        "--host no-such-host.invalid    | --host no-such-host.invalid does not resolve to an address",
    })
    void badFlagValueIsAUsageErrorNamingTheFlag(String flags, String message) {
        String[] args = ("exporter " + flags).split(" ");
        assertThat(run(args)).as(output()).isEqualTo(2);
        assertThat(err.toString()).as(output()).contains(message);
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void addressOfAnotherMachineIsAnEnvironmentError() {
        assertThat(run("exporter", "--host", "192.0.2.1", "--port", "19999")).as(output()).isEqualTo(3);
        assertThat(err.toString()).contains("error: cannot listen on 192.0.2.1:19999: ")
                .contains("hint: check --host");
    }

    @Test
    void takenPortIsAnEnvironmentErrorNamingTheAddressAndWhatToDo() throws Exception {
        try (ServerSocket holder = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = holder.getLocalPort();
            assertThat(run("exporter", "--port", String.valueOf(port))).as(output()).isEqualTo(3);
            assertThat(err.toString())
                    .contains("error: cannot listen on 127.0.0.1:" + port + ": the port is taken")
                    .contains("hint: choose another port with --port, or stop what holds 127.0.0.1:" + port)
                    .doesNotContain("Exception\n\tat ");
            assertThat(out.toString()).isEmpty();
        }
    }

    @Test
    void servesUntilInterruptedAfterPrintingWhereAndWithWhichLabels() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        AtomicInteger exitCode = new AtomicInteger(-1);
        Thread command = new Thread(() -> exitCode.set(run("exporter", "--host", "127.0.0.1",
                "--port", String.valueOf(port), "--mode", "live", "--exchange", "kraken")));
        command.start();
        try {
            String banner = "Serving Shadow-MVS metrics (contract v1) on http://127.0.0.1:" + port
                    + "/metrics (mode=live, exchange=kraken); Ctrl-C stops";
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!out.toString().contains(banner) && command.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(out.toString()).as(output()).isEqualTo(banner + System.lineSeparator());
            Exposition text = Exposition.scrape(URI.create("http://127.0.0.1:" + port + "/metrics"), null);
            assertThat(text.value(ShadowMvsContract.UP, "mode", "live", "exchange", "kraken")).isEqualTo(1.0);
        } finally {
            command.interrupt();
            command.join(5000);
        }
        assertThat(command.isAlive()).as("command stopped").isFalse();
        assertThat(exitCode.get()).as(output()).isZero();
        try (ServerSocket again = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
            assertThat(again.getLocalPort()).as("port released").isEqualTo(port);
        }
    }
}
