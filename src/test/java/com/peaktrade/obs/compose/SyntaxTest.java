package com.peaktrade.obs.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Short port and volume syntax, durations, command words: the pure parsers under the loader. */
class SyntaxTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', emptyValue = "", textBlock = """
            9090                   |           |           | 9090 | tcp
            8080:80                |           | 8080      | 80   | tcp
            127.0.0.1:9092:9090    | 127.0.0.1 | 9092      | 9090 | tcp
            127.0.0.1::82          | 127.0.0.1 |           | 82   | tcp
            [::1]:8443:443         | ::1       | 8443      | 443  | tcp
            53:53/udp              |           | 53        | 53   | udp
            9000-9001:80           |           | 9000-9001 | 80   | tcp
            0.0.0.0:1:65535/sctp   | 0.0.0.0   | 1         | 65535| sctp
            """)
    void parsesAShortPort(String spec, String hostIp, String published, int target, String protocol) {
        assertThat(PortSyntax.parse(spec)).containsExactly(new PortSpec(orEmpty(hostIp), orEmpty(published), target, protocol));
    }

    private static String orEmpty(String csvValue) {
        return csvValue == null ? "" : csvValue;
    }

    @Test
    void expandsPortRangesToOnePortEach() {
        assertThat(PortSyntax.parse("127.0.0.1:9100-9102:8100-8102/udp")).containsExactly(
                new PortSpec("127.0.0.1", "9100", 8100, "udp"),
                new PortSpec("127.0.0.1", "9101", 8101, "udp"),
                new PortSpec("127.0.0.1", "9102", 8102, "udp"));
        assertThat(PortSyntax.parse("7000-7001")).extracting(PortSpec::target).containsExactly(7000, 7001);
    }

    @Test
    void aRangeAcrossDigitCountsIsOrderedAsTextLikeCompose() {
        assertThat(PortSyntax.parse("998-1001:998-1001")).extracting(PortSpec::target, PortSpec::published)
                .containsExactly(tuple(1000, "1000"), tuple(1001, "1001"), tuple(998, "998"), tuple(999, "999"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            9000-9001:9000-9002 | invalid ranges specified for container and host Ports: 9000-9002 and 9000-9001
            70000               | invalid containerPort: 70000 (ports are 1-65535)
            0:80                | invalid hostPort: 0 (ports are 1-65535)
            abc                 | invalid containerPort: abc
            80/icmp             | invalid proto: icmp
            1.2.3:80:80         | invalid IP address: 1.2.3
            8080:               | no port specified: 8080:<empty>
            """)
    void rejectsABadPort(String spec, String message) {
        assertThatThrownBy(() -> PortSyntax.parse(spec)).hasMessage(message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', emptyValue = "", textBlock = """
            ./conf:/etc/conf        | bind   | ./conf  | /etc/conf | false | true
            /abs:/data:ro           | bind   | /abs    | /data     | true  | true
            ~/x:/x:rw               | bind   | ~/x     | /x        | false | true
            data:/var/lib/data      | volume | data    | /var/lib/data | false | false
            data:/d:ro,nocopy       | volume | data    | /d        | true  | false
            /anonymous              | volume |         | /anonymous | false | false
            ./c:/etc//conf/./x/../  | bind   | ./c     | /etc/conf | false | true
            """)
    void parsesAShortVolume(String spec, String type, String source, String target, boolean readOnly, boolean create) {
        assertThat(VolumeSyntax.parse(spec)).isEqualTo(new VolumeSpec(type, source, target,
                readOnly, create, true));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a:/b:ro:extra  | invalid spec: a:/b:ro:extra: too many colons
            data:relative  | invalid mount target "relative" in data:relative: must be an absolute path
            :/x            | invalid spec: :/x: empty section between colons
            """)
    void rejectsABadVolume(String spec, String message) {
        assertThatThrownBy(() -> VolumeSyntax.parse(spec)).hasMessage(message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            10s,     10000
            1m30s,   90000
            500ms,   500
            1.5s,    1500
            2h,      7200000
            1h1m1s,  3661000
            0,       0
            """)
    void parsesGoDurations(String text, long millis) {
        assertThat(Durations.parse(text)).isEqualTo(Duration.ofMillis(millis));
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            10
            10 s
            1x
            s
            """)
    void rejectsBadDurations(String text) {
        assertThatThrownBy(() -> Durations.parse(text)).hasMessageContaining("invalid duration \"" + text + "\"");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(textBlock = """
            10000000000,   10s
            90000000000,   1m30s
            500000000,     500ms
            3600000000000, 1h0m0s
            1500000000,    1.5s
            1500000,       1.5ms
            1500,          1.5µs
            1000,          1µs
            999,           999ns
            0,             0s
            3723004005006, 1h2m3.004005006s
            5400000000000, 1h30m0s
            """)
    void formatsDurationsLikeGo(long nanos, String text) {
        assertThat(Durations.format(Duration.ofNanos(nanos))).isEqualTo(text);
    }

    @Test
    void splitsCommandsLikeAShell() {
        assertThat(ShellWords.split("sh -c 'echo $HOME; exit 1'")).containsExactly("sh", "-c", "echo $HOME; exit 1");
        assertThat(ShellWords.split("  a \"b c\" d\\ e \"x\\\"y\" ")).containsExactly("a", "b c", "d e", "x\"y");
        assertThat(ShellWords.split("")).isEqualTo(List.of());
        assertThat(ShellWords.split("a ''")).containsExactly("a", "");
        assertThatThrownBy(() -> ShellWords.split("echo 'open")).hasMessageContaining("unterminated");
    }
}
