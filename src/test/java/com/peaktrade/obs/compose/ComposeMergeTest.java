package com.peaktrade.obs.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One rule of the merge table per test: base compose.yaml, then override.yaml. */
class ComposeMergeTest {
    @TempDir
    Path dir;
    private ComposeFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new ComposeFixture(dir);
    }

    private ServiceSpec merged(String base, String override) {
        fixture.write("compose.yaml", "services:\n  app:\n    image: app:1\n" + base.indent(4));
        fixture.write("override.yaml", "services:\n  app:\n" + override.indent(4));
        return fixture.load("compose.yaml", "override.yaml").project().service("app");
    }

    @Test
    void scalarsAreReplacedByTheLaterFile() {
        ServiceSpec app = merged("restart: always\nuser: '1000'", "image: app:2\nrestart: 'no'");
        assertThat(app.image()).isEqualTo("app:2");
        assertThat(app.restart()).isEqualTo("no");
        assertThat(app.user()).isEqualTo("1000");
    }

    @Test
    void commandAndEntrypointAreReplacedNotAppended() {
        ServiceSpec app = merged("command: [a, b]\nentrypoint: /bin/sh -c", "command: c");
        assertThat(app.command()).containsExactly("c");
        assertThat(app.entrypoint()).containsExactly("/bin/sh", "-c");
    }

    @Test
    void healthcheckTestIsReplacedWhileOtherHealthcheckKeysMerge() {
        ServiceSpec app = merged("healthcheck:\n  test: [CMD, a, b]\n  interval: 10s\n  retries: 3",
                "healthcheck:\n  test: [CMD, c]\n  retries: 5");
        assertThat(app.healthcheck().test()).containsExactly("CMD", "c");
        assertThat(app.healthcheck().interval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(app.healthcheck().retries()).isEqualTo(5);
    }

    @Test
    void environmentMergesByKeyAcrossListAndMapForms() {
        ServiceSpec app = merged("environment:\n  - A=1\n  - B=2\n  - C", "environment:\n  B: override\n  D: '4'");
        assertThat(app.environment()).containsExactly(entry("A", "1"), entry("B", "override"),
                entry("C", null), entry("D", "4"));
    }

    @Test
    void labelsMergeByKey() {
        ServiceSpec app = merged("labels: [team=obs, tier=1]", "labels:\n  tier: '2'");
        assertThat(app.labels()).containsExactly(entry("team", "obs"), entry("tier", "2"));
    }

    @Test
    void portsAreAppendedAndDeduplicatedByIpPublishedTargetProtocol() {
        ServiceSpec app = merged("ports: ['8080:80', '127.0.0.1:9090:9090']",
                "ports:\n  - '8081:80'\n  - '8080:80'\n  - target: 9090\n    published: '9090'\n    host_ip: 127.0.0.1");
        assertThat(app.ports()).containsExactly(new PortSpec("", "8080", 80, "tcp"),
                new PortSpec("127.0.0.1", "9090", 9090, "tcp"), new PortSpec("", "8081", 80, "tcp"));
    }

    @Test
    void aVolumeWithTheSameTargetReplacesTheWholeEarlierEntryInPlace() {
        ServiceSpec app = merged("volumes: ['./a:/data:ro', './logs:/logs']", "volumes: ['./b:/data']");
        assertThat(app.volumes()).extracting(VolumeSpec::source, VolumeSpec::target, VolumeSpec::readOnly).containsExactly(
                tuple(dir.resolve("b").toString(), "/data", false),
                tuple(dir.resolve("logs").toString(), "/logs", false));
    }

    @Test
    void extraHostsAreAppendedWithExactDuplicatesDropped() {
        ServiceSpec app = merged("extra_hosts: ['a:1.1.1.1', 'b=2.2.2.2']", "extra_hosts:\n  a: 1.1.1.1\n  b: 3.3.3.3");
        assertThat(app.extraHosts()).containsExactly("a:1.1.1.1", "b:2.2.2.2", "b:3.3.3.3");
    }

    @Test
    void dependsOnListAndMapFormsMergeByService() {
        fixture.write("compose.yaml", """
                services:
                  db: {image: db}
                  cache: {image: cache}
                  app:
                    image: app
                    depends_on: [db, cache]
                """);
        fixture.write("override.yaml", """
                services:
                  app:
                    depends_on:
                      db: {condition: service_healthy, required: false}
                """);
        ServiceSpec app = fixture.load("compose.yaml", "override.yaml").project().service("app");
        assertThat(app.dependsOn()).containsExactly(entry("db", new DependsOn("service_healthy", false)),
                entry("cache", new DependsOn("service_started", true)));
    }

    @Test
    void servicesFromLaterFilesAreAddedAfterEarlierOnes() {
        fixture.write("compose.yaml", "services:\n  b: {image: b}\n  a: {image: a}\n");
        fixture.write("override.yaml", "services:\n  c: {image: c}\n  a: {image: a2}\n");
        ComposeProject project = fixture.load("compose.yaml", "override.yaml").project();
        assertThat(project.services().keySet()).containsExactly("b", "a", "c");
        assertThat(project.service("a").image()).isEqualTo("a2");
    }

    @Test
    void eachFileIsInterpolatedBeforeTheMerge() {
        fixture.env("TAG", "7");
        ServiceSpec app = merged("environment: [A=$TAG]", "image: app:${TAG}");
        assertThat(app.image()).isEqualTo("app:7");
        assertThat(app.environment()).containsEntry("A", "7");
        assertThat(app.networks()).isEqualTo(List.of("default"));
    }
}
