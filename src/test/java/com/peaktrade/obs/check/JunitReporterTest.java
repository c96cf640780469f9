package com.peaktrade.obs.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class JunitReporterTest {

    private static Document xml(Report report) throws Exception {
        String text = Fixtures.render(new JunitReporter("ci-runner-1"), report);
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static Element testcase(Document doc, String name) {
        NodeList cases = doc.getElementsByTagName("testcase");
        for (int i = 0; i < cases.getLength(); i++) {
            Element testcase = (Element) cases.item(i);
            if (testcase.getAttribute("name").equals(name)) {
                return testcase;
            }
        }
        throw new AssertionError("no testcase " + name);
    }

    private static Element child(Element parent, String tag) {
        NodeList children = parent.getElementsByTagName(tag);
        return children.getLength() == 0 ? null : (Element) children.item(0);
    }

    @Test
    void theSuiteCountsTestsFailuresAndSkips() throws Exception {
        Document doc = xml(Fixtures.mixed());
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("testsuites");
        Element suite = (Element) doc.getElementsByTagName("testsuite").item(0);
        assertThat(suite.getAttribute("name")).isEqualTo("peaktrade-obs.shadow");
        assertThat(suite.getAttribute("tests")).isEqualTo("4");
        assertThat(suite.getAttribute("failures")).isEqualTo("1");
        assertThat(suite.getAttribute("errors")).isEqualTo("0");
        assertThat(suite.getAttribute("skipped")).isEqualTo("1");
        assertThat(suite.getAttribute("time")).isEqualTo("0.450");
        assertThat(suite.getAttribute("timestamp")).isEqualTo("2024-05-01T12:00:00");
        assertThat(suite.getAttribute("hostname")).isEqualTo("ci-runner-1");
    }

    @Test
    void oneTestcasePerCheckInOrder() throws Exception {
        NodeList cases = xml(Fixtures.mixed()).getElementsByTagName("testcase");
        assertThat(cases.getLength()).isEqualTo(4);
        Element first = (Element) cases.item(0);
        assertThat(first.getAttribute("classname")).isEqualTo("peaktrade-obs.shadow");
        assertThat(first.getAttribute("name")).isEqualTo("prometheus.ready");
        assertThat(first.getAttribute("time")).isEqualTo("0.100");
        assertThat(((Element) cases.item(3)).getAttribute("name")).isEqualTo("grafana.datasources");
    }

    @Test
    void aFailureCarriesMessageHintAndEvidence() throws Exception {
        Element failure = child(testcase(xml(Fixtures.mixed()), "grafana.auth"), "failure");
        assertThat(failure).isNotNull();
        assertThat(failure.getAttribute("message")).isEqualTo("basic auth rejected (401)");
        assertThat(failure.getAttribute("type")).isEqualTo("FAIL");
        assertThat(failure.getTextContent()).isEqualTo("""
                NEXT: check GRAFANA_AUTH, or a stale Grafana volume
                EVIDENCE: GET http://localhost:3000/api/user -> 401
                EVIDENCE: 1 attempt (no retry after 401)""");
    }

    @Test
    void aSkipIsSkippedWithItsReason() throws Exception {
        Element skipped = child(testcase(xml(Fixtures.mixed()), "grafana.datasources"), "skipped");
        assertThat(skipped).isNotNull();
        assertThat(skipped.getAttribute("message")).isEqualTo("skipped: grafana.auth failed");
    }

    @Test
    void aWarningPassesAndSaysSoInSystemOut() throws Exception {
        Element warn = testcase(xml(Fixtures.mixed()), "grafana.datasource.health");
        assertThat(child(warn, "failure")).isNull();
        assertThat(child(warn, "skipped")).isNull();
        assertThat(child(warn, "system-out").getTextContent()).isEqualTo("""
                WARN: main datasource unreachable
                NEXT: start the main Prometheus
                EVIDENCE: uid peaktrade-prometheus-main: Post "http://host.docker.internal:9090": refused""");
    }

    @Test
    void aPassShowsItsEvidenceInSystemOut() throws Exception {
        Element pass = testcase(xml(Fixtures.mixed()), "prometheus.ready");
        assertThat(child(pass, "failure")).isNull();
        assertThat(child(pass, "system-out").getTextContent()).isEqualTo("EVIDENCE: GET http://localhost:9092/-/ready -> 200");
    }

    @Test
    void markupAndControlCharactersInTextStayValidXml() throws Exception {
        Result nasty = new Result("exporter.metrics", Status.FAIL, "got <html> & \"quotes\" \u0001 back",
                List.of("body: <title>502 Bad Gateway</title> ]]> done"), "check the <proxy> & exporter", Duration.ofMillis(5));
        Element failure = child(testcase(xml(Fixtures.report(nasty)), "exporter.metrics"), "failure");
        assertThat(failure.getAttribute("message")).isEqualTo("got <html> & \"quotes\"  back");
        assertThat(failure.getTextContent()).isEqualTo(
                "NEXT: check the <proxy> & exporter\nEVIDENCE: body: <title>502 Bad Gateway</title> ]]> done");
    }
}
