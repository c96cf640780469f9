package com.peaktrade.obs.check;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * JUnit XML as CI systems ingest it: one {@code <testsuite name="peaktrade-obs.<suite>">} with one
 * {@code <testcase>} per check. FAIL is a {@code <failure message type="FAIL">} whose text is the hint and
 * the evidence; SKIP is {@code <skipped message>}; WARN passes and says so in {@code <system-out>}; other
 * evidence goes to {@code <system-out>} too. Written with {@link XMLStreamWriter}, so escaping is right.
 */
public final class JunitReporter implements Reporter {
    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

    private final String hostname;

    public JunitReporter() {
        this(localHostname());
    }

    public JunitReporter(String hostname) {
        this.hostname = hostname;
    }

    @Override
    public void write(Report report, PrintWriter out) {
        String name = "peaktrade-obs." + report.suite();
        try {
            XMLStreamWriter xml = XML.createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuites");
            xml.writeCharacters("\n  ");
            xml.writeStartElement("testsuite");
            xml.writeAttribute("name", name);
            xml.writeAttribute("tests", String.valueOf(report.results().size()));
            xml.writeAttribute("failures", String.valueOf(report.count(Status.FAIL)));
            xml.writeAttribute("errors", "0");
            xml.writeAttribute("skipped", String.valueOf(report.count(Status.SKIP)));
            xml.writeAttribute("time", seconds(report.wallTime()));
            xml.writeAttribute("timestamp", TIMESTAMP.format(report.startedAt().truncatedTo(ChronoUnit.SECONDS)));
            xml.writeAttribute("hostname", hostname);
            for (Result result : report.results()) {
                xml.writeCharacters("\n    ");
                testcase(xml, name, result);
            }
            xml.writeCharacters("\n  ");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.flush();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the JUnit report: " + e.getMessage(), e);
        }
        out.print('\n');
        out.flush();
    }

    private static void testcase(XMLStreamWriter xml, String classname, Result result) throws XMLStreamException {
        xml.writeStartElement("testcase");
        xml.writeAttribute("classname", classname);
        xml.writeAttribute("name", result.id());
        xml.writeAttribute("time", seconds(result.duration()));
        List<String> out = new ArrayList<>();
        switch (result.status()) {
            case FAIL -> {
                xml.writeStartElement("failure");
                xml.writeAttribute("message", text(result.message()));
                xml.writeAttribute("type", "FAIL");
                xml.writeCharacters(text(String.join("\n", details(result))));
                xml.writeEndElement();
            }
            case SKIP -> {
                xml.writeEmptyElement("skipped");
                xml.writeAttribute("message", text(result.message()));
                out.addAll(details(result));
            }
            case WARN -> {
                out.add("WARN: " + result.message());
                out.addAll(details(result));
            }
            case PASS -> out.addAll(details(result));
        }
        if (!out.isEmpty()) {
            xml.writeStartElement("system-out");
            xml.writeCharacters(text(String.join("\n", out)));
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }

    /** "NEXT: hint" (when there is one), then "EVIDENCE: item" lines. */
    private static List<String> details(Result result) {
        List<String> lines = new ArrayList<>();
        if (result.hint() != null) {
            lines.add("NEXT: " + result.hint());
        }
        result.evidence().forEach(item -> lines.add("EVIDENCE: " + item));
        return lines;
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.3f", duration.toNanos() / 1e9);
    }

    /** Drops characters XML 1.0 cannot carry at all (control characters other than tab and line breaks). */
    private static String text(String text) {
        StringBuilder clean = new StringBuilder(text.length());
        text.codePoints().filter(JunitReporter::allowedInXml).forEach(clean::appendCodePoint);
        return clean.toString();
    }

    private static boolean allowedInXml(int c) {
        return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                || (c >= 0x10000 && c <= 0x10FFFF);
    }

    private static String localHostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException | RuntimeException e) {
            return "localhost";
        }
    }
}
