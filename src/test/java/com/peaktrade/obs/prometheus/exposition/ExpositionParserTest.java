package com.peaktrade.obs.prometheus.exposition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExpositionParserTest {

    @Test
    void helpTypeAndSamplesMakeAFamily() {
        Exposition e = Exposition.parse("# HELP shadow_mvs_up Exporter up.\n# TYPE shadow_mvs_up gauge\n"
                + "shadow_mvs_up{mode=\"shadow\",exchange=\"sim\"} 1\n");

        MetricFamily family = e.family("shadow_mvs_up").orElseThrow();
        assertThat(family.type()).isEqualTo("gauge");
        assertThat(family.help()).isEqualTo("Exporter up.");
        assertThat(family.samples()).containsExactly(new MetricSample("shadow_mvs_up",
                Map.of("mode", "shadow", "exchange", "sim"), 1.0, null, 3));
        assertThat(e.isClean()).isTrue();
        assertThat(e.eof()).isFalse();
    }

    @Test
    void labelValueEscapesAreUnescaped() {
        Exposition e = Exposition.parse("m{path=\"C:\\\\dir\\\\file\",quote=\"say \\\"hi\\\"\",nl=\"a\\nb\"} 2\n");

        MetricSample s = e.samples().get(0);
        assertThat(s.label("path")).isEqualTo("C:\\dir\\file");
        assertThat(s.label("quote")).isEqualTo("say \"hi\"");
        assertThat(s.label("nl")).isEqualTo("a\nb");
        assertThat(e.isClean()).isTrue();
    }

    @Test
    void aCommaOrBraceInsideAQuotedValueIsPartOfTheValue() {
        Exposition e = Exposition.parse("m{a=\"x,y}\",b=\"\"} 3\n");

        assertThat(e.samples().get(0).labels()).containsExactly(Map.entry("a", "x,y}"), Map.entry("b", ""));
    }

    @Test
    void specialValuesAndTimestampsParse() {
        Exposition e = Exposition.parse("a +Inf\nb -Inf\nc NaN\nd 1.5e3 1748772930000\ne{} 4   \n");

        assertThat(e.samples()).extracting(MetricSample::value)
                .containsExactly(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN, 1500.0, 4.0);
        assertThat(e.samples("d").get(0).timestampMs()).isEqualTo(1748772930000L);
        assertThat(e.samples("a").get(0).timestampMs()).isNull();
        assertThat(e.isClean()).isTrue();
    }

    @Test
    void commentsBlankLinesAndCarriageReturnsAreSkipped() {
        Exposition e = Exposition.parse("# a plain comment\n\n   \r\n# TYPE x counter\r\nx_total 5\r\n");

        assertThat(e.isClean()).isTrue();
        assertThat(e.family("x").orElseThrow().samples()).extracting(MetricSample::name).containsExactly("x_total");
    }

    @Test
    void aHistogramGathersItsBucketsSumAndCount() {
        String text = "# HELP peak_trade_pipeline_latency_seconds Latency.\n"
                + "# TYPE peak_trade_pipeline_latency_seconds histogram\n"
                + "peak_trade_pipeline_latency_seconds_bucket{edge=\"intent_to_ack\",le=\"0.005\"} 1\n"
                + "peak_trade_pipeline_latency_seconds_bucket{edge=\"intent_to_ack\",le=\"0.1\"} 3\n"
                + "peak_trade_pipeline_latency_seconds_bucket{edge=\"intent_to_ack\",le=\"+Inf\"} 4\n"
                + "peak_trade_pipeline_latency_seconds_sum{edge=\"intent_to_ack\"} 0.25\n"
                + "peak_trade_pipeline_latency_seconds_count{edge=\"intent_to_ack\"} 4\n"
                + "peak_trade_pipeline_latency_seconds_created{edge=\"intent_to_ack\"} 1.7487729e+09\n";

        Exposition e = Exposition.parse(text);

        MetricFamily h = e.family("peak_trade_pipeline_latency_seconds").orElseThrow();
        assertThat(h.type()).isEqualTo("histogram");
        assertThat(h.samples()).hasSize(6);
        assertThat(e.samples("peak_trade_pipeline_latency_seconds_bucket")).extracting(s -> s.label("le"))
                .containsExactly("0.005", "0.1", "+Inf");
        assertThat(e.families()).hasSize(1);
        assertThat(e.isClean()).isTrue();
    }

    @Test
    void aBucketWithoutLeIsAProblem() {
        Exposition e = Exposition.parse("# TYPE h histogram\nh_bucket{a=\"b\"} 1\n");

        assertThat(e.problems()).extracting(ParseProblem::problem).containsExactly("histogram bucket without an \"le\" label");
    }

    @Test
    void thePythonClientsCounterWithCreatedGaugeIsUnderstood() {
        Exposition e = Exposition.parse("# HELP peak_trade_http_requests_total Requests.\n"
                + "# TYPE peak_trade_http_requests_total counter\n"
                + "peak_trade_http_requests_total{method=\"GET\"} 7.0\n"
                + "# HELP peak_trade_http_requests_created Requests.\n"
                + "# TYPE peak_trade_http_requests_created gauge\n"
                + "peak_trade_http_requests_created{method=\"GET\"} 1.7e+09\n");

        assertThat(e.family("peak_trade_http_requests_total").orElseThrow().samples()).hasSize(1);
        assertThat(e.family("peak_trade_http_requests_created").orElseThrow().type()).isEqualTo("gauge");
        assertThat(e.isClean()).isTrue();
    }

    @Test
    void openMetricsCountersEofAndExemplarsAreTolerated() {
        Exposition e = Exposition.parse("# TYPE events counter\n# UNIT events events\n# HELP events Events.\n"
                + "events_total{stage=\"fill\"} 12 # {trace_id=\"abc\"} 1.0 1748772930.1\n"
                + "events_created{stage=\"fill\"} 1.748772930e+09\n# EOF\n");

        assertThat(e.eof()).isTrue();
        assertThat(e.family("events").orElseThrow().samples()).extracting(MetricSample::name)
                .containsExactly("events_total", "events_created");
        assertThat(e.isClean()).isTrue();
    }

    @Test
    void anythingAfterEofIsAProblem() {
        Exposition e = Exposition.parse("a 1\n# EOF\nb 2\n");

        assertThat(e.problems()).containsExactly(new ParseProblem(3, "b 2", "content after # EOF"));
        assertThat(e.hasFamily("b")).isFalse();
    }

    @Test
    void samplesWithoutTypeAreUntyped() {
        Exposition e = Exposition.parse("peak_trade_metrics_fallback 1\n");

        assertThat(e.families()).containsExactly(new MetricFamily("peak_trade_metrics_fallback", "untyped", null,
                List.of(new MetricSample("peak_trade_metrics_fallback", Map.of(), 1.0, null, 1))));
    }

    @Test
    void invalidLinesBecomeProblemsAndParsingGoesOn() {
        String text = "good 1\n"
                + "bad{a=\"unterminated} 1\n"
                + "bad2{a=\"x\" b=\"y\"} 1\n"
                + "bad3{a=\"\\q\"} 1\n"
                + "bad4 one\n"
                + "bad5\n"
                + "bad6{a=\"1\",a=\"2\"} 1\n"
                + "7bad 1\n"
                + "bad8 1 notatimestamp\n"
                + "bad9{a=\"1\"}2\n"
                + "# TYPE t wibble\n"
                + "# TYPE g gauge\n# TYPE g counter\n"
                + "# HELP g one\n# HELP g two\n"
                + "late 1\n# TYPE late gauge\n"
                + "also_good{x=\"y\"} 2\n";

        Exposition e = Exposition.parse(text);

        assertThat(e.problems()).extracting(ParseProblem::line, ParseProblem::problem).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2, "label value without its closing quote"),
                org.assertj.core.groups.Tuple.tuple(3, "expected ',' or '}' at column 12"),
                org.assertj.core.groups.Tuple.tuple(4, "invalid escape \\q in a label value"),
                org.assertj.core.groups.Tuple.tuple(5, "invalid value \"one\""),
                org.assertj.core.groups.Tuple.tuple(6, "expected a space before the value"),
                org.assertj.core.groups.Tuple.tuple(7, "label \"a\" twice"),
                org.assertj.core.groups.Tuple.tuple(8, "invalid metric name \"7bad\""),
                org.assertj.core.groups.Tuple.tuple(9, "invalid timestamp \"notatimestamp\""),
                org.assertj.core.groups.Tuple.tuple(10, "expected a space before the value"),
                org.assertj.core.groups.Tuple.tuple(11, "unknown type \"wibble\""),
                org.assertj.core.groups.Tuple.tuple(13, "second TYPE for g"),
                org.assertj.core.groups.Tuple.tuple(15, "second HELP for g"),
                org.assertj.core.groups.Tuple.tuple(17, "TYPE for late after its samples"));
        assertThat(e.samples()).extracting(MetricSample::name).containsExactly("good", "late", "also_good");
    }

    @Test
    void emptyInputIsAnEmptyCleanExposition() {
        assertThat(Exposition.parse("").families()).isEmpty();
        assertThat(Exposition.parse(null).isClean()).isTrue();
    }

    @Test
    void aLongBadLineIsCutInItsProblem() {
        Exposition e = Exposition.parse("x{" + "a".repeat(500) + "\n");

        assertThat(e.problems().get(0).text()).hasSize(121).endsWith("…");
    }
}
