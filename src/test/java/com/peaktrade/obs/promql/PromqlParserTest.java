package com.peaktrade.obs.promql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.peaktrade.obs.promql.Expr.Aggregation;
import com.peaktrade.obs.promql.Expr.Binary;
import com.peaktrade.obs.promql.Expr.Call;
import com.peaktrade.obs.promql.Expr.Selector;
import com.peaktrade.obs.promql.Expr.Subquery;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class PromqlParserTest {

    @Test
    void selectorWithMatchersAndRange() {
        Selector s = (Selector) PromqlParser.parse("peak_trade_pipeline_events_total{job=\"shadow_mvs\",stage!=\"error\",mode=~\"$mode\"}[5m]");
        assertThat(s.name()).isEqualTo("peak_trade_pipeline_events_total");
        assertThat(s.matchers()).extracting(Object::toString)
                .containsExactly("job=\"shadow_mvs\"", "stage!=\"error\"", "mode=~\"$mode\"");
        assertThat(s.range().text()).isEqualTo("5m");
        assertThat(s.range().millis()).isEqualTo(300_000);
    }

    @Test
    void grafanaVariablesAsRanges() {
        for (String range : List.of("$__rate_interval", "${__rate_interval}", "[[interval]]", "${__range:raw}")) {
            Selector s = (Selector) PromqlParser.parse("x_total[" + range + "]");
            assertThat(s.range().variable()).as(range).isTrue();
            assertThat(s.range().millis()).isEqualTo(-1);
        }
    }

    @Test
    void aggregationGroupingBeforeOrAfterArguments() {
        Aggregation before = (Aggregation) PromqlParser.parse("sum by (le, mode) (rate(x_bucket[5m]))");
        Aggregation after = (Aggregation) PromqlParser.parse("sum(rate(x_bucket[5m])) by (le)");
        Aggregation without = (Aggregation) PromqlParser.parse("sum without (instance) (x)");
        Aggregation none = (Aggregation) PromqlParser.parse("sum(x)");
        assertThat(before.grouping().labels()).containsExactly("le", "mode");
        assertThat(after.grouping().labels()).containsExactly("le");
        assertThat(without.grouping().without()).isTrue();
        assertThat(none.grouping()).isNull();
        assertThat(((Call) Expr.unwrap(before.expr())).function()).isEqualTo("rate");
    }

    @Test
    void parameterAggregations() {
        Aggregation topk = (Aggregation) PromqlParser.parse("topk(6, sum by (reason) (increase(x_total[5m])))");
        assertThat(topk.param()).isInstanceOf(Expr.NumberLiteral.class);
        Aggregation var = (Aggregation) PromqlParser.parse("topk($n, x)");
        assertThat(var.param()).isInstanceOf(Expr.Variable.class);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "a or b and c|or",
        "a + b * c|+",
        "a * b + c|+",
        "a > bool 0 or on() vector(0)|or",
        "2 ^ 3 ^ 2|^",
        "a - b - c|-",
        "a unless b or c|or",
        "a / clamp_min(b, 1e-9)|/",
    })
    void precedenceDecidesTheRoot(String expression, String rootOp) {
        assertThat(((Binary) PromqlParser.parse(expression)).op()).isEqualTo(rootOp);
    }

    @Test
    void leftAssociativeAndRightAssociativePower() {
        Binary minus = (Binary) PromqlParser.parse("a - b - c");
        assertThat(minus.lhs()).isInstanceOf(Binary.class);
        Binary power = (Binary) PromqlParser.parse("2 ^ 3 ^ 2");
        assertThat(power.rhs()).isInstanceOf(Binary.class);
    }

    @Test
    void vectorMatchingModifiers() {
        Binary b = (Binary) PromqlParser.parse("a * on (job, instance) group_left (version) b");
        assertThat(b.matching().on()).isTrue();
        assertThat(b.matching().labels()).containsExactly("job", "instance");
        assertThat(b.matching().group()).isEqualTo("group_left");
        assertThat(b.matching().include()).containsExactly("version");
        Binary upper = (Binary) PromqlParser.parse("absent(x) OR on() vector(0)");
        assertThat(upper.op()).isEqualTo("or");
    }

    @Test
    void subqueryOffsetAndAt() {
        Subquery sq = (Subquery) PromqlParser.parse("rate(x_total[1m])[10m:30s]");
        assertThat(sq.range().text()).isEqualTo("10m");
        assertThat(sq.step().text()).isEqualTo("30s");
        assertThat(PromqlParser.parse("rate(x_total[5m] offset 1h)")).isInstanceOf(Call.class);
        assertThat(PromqlParser.parse("x @ 1609746000")).isInstanceOf(Selector.class);
        assertThat(PromqlParser.parse("rate(x_total[5m] @ end())")).isInstanceOf(Call.class);
    }

    @Test
    void metricNameFromNameMatcherAndQuotedNames() {
        assertThat(((Selector) PromqlParser.parse("{__name__=\"up\",job=\"a\"}")).metricName()).isEqualTo("up");
        assertThat(((Selector) PromqlParser.parse("{\"my.metric\", job=\"a\"}")).metricName()).isEqualTo("my.metric");
        assertThat(((Selector) PromqlParser.parse("{job=\"a\"}")).metricName()).isNull();
        assertThat(((Selector) PromqlParser.parse("recording:rule_name:rate5m")).name()).isEqualTo("recording:rule_name:rate5m");
    }

    @Test
    void stringsNumbersAndSpecialValues() {
        Call replace = (Call) PromqlParser.parse("label_replace(vector(0), \"reason\", 'none', `a\\b`, \"\")");
        assertThat(replace.args()).hasSize(5);
        assertThat(((Expr.StringLiteral) replace.args().get(3)).value()).isEqualTo("a\\b");
        assertThat(PromqlParser.parse("0x1F")).isInstanceOf(Expr.NumberLiteral.class);
        assertThat(PromqlParser.parse("-Inf")).isInstanceOf(Expr.Unary.class);
        assertThat(PromqlParser.parse("NaN")).isInstanceOf(Expr.NumberLiteral.class);
        assertThat(PromqlParser.parse("\"a\\\"b\"")).isEqualTo(new Expr.StringLiteral("a\"b", 0));
    }

    @Test
    void collectFindsEverySelector() {
        Expr e = PromqlParser.parse("sum(rate(a_total{x=\"1\"}[5m])) / clamp_min(sum(rate(b_total[5m])), 1) or on() vector(0)");
        assertThat(e.collect(Selector.class)).extracting(Selector::name).containsExactly("a_total", "b_total");
        assertThat(e.collect(Call.class)).extracting(Call::function)
                .containsExactly("rate", "clamp_min", "rate", "vector");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "sum(rate(x[5m])|1:16: expected ')' closing sum(…), found the end of the expression",
        "x{job=shadow}|1:7: expected a quoted value for label job, found 'shadow'",
        "rate(x[5min])|1:8: expected a range such as 5m or $__rate_interval, found '5'",
        "x{job=\"a\"|1:10: expected '}' or ',' in the label matchers, found the end of the expression",
        "sum by (le (x)|1:12: expected ')' closing the label list, found '('",
        "x ) y|1:3: unexpected ')' after the end of the expression",
        "\"unterminated|1:1: unterminated string",
        "x ~ y|1:3: unexpected character '~'",
        "rate(x[5m])[1m]|1:12: ranges only apply to a plain selector",
        "${oops|1:1: unclosed ${ of a template variable",
        "a +|1:4: unexpected end of the expression",
        "by|1:1: unexpected keyword 'by'",
    })
    void errorsNameTheProblemAndColumn(String expression, String message) {
        assertThatThrownBy(() -> PromqlParser.parse(expression)).isInstanceOf(PromqlException.class).hasMessage(message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void emptyIsAnError(String expression) {
        assertThatThrownBy(() -> PromqlParser.parse(expression)).isInstanceOf(PromqlException.class)
                .hasMessageContaining("empty expression");
    }

    @Test
    void deepNestingIsAnErrorNotAStackOverflow() {
        String deep = "(".repeat(5000) + "x" + ")".repeat(5000);
        assertThatThrownBy(() -> PromqlParser.parse(deep)).isInstanceOf(PromqlException.class)
                .hasMessageContaining("nested too deeply");
    }

    static Stream<String> dashboardExpressions() throws IOException {
        List<String> exprs = new ArrayList<>();
        ObjectMapper mapper = new ObjectMapper();
        for (Path root : List.of(Path.of("grafana/dashboards"), Path.of("src/test/resources/lint/seed-original/grafana/dashboards"))) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(p -> p.toString().endsWith(".json")).toList()) {
                    collectExprs(mapper.readTree(file.toFile()), exprs);
                }
            }
        }
        assertThat(exprs).hasSizeGreaterThan(100);
        return exprs.stream().distinct();
    }

    private static void collectExprs(JsonNode node, List<String> out) {
        if (node.isObject()) {
            if (node.path("expr").isTextual()) {
                out.add(node.path("expr").asText());
            }
            node.forEach(child -> collectExprs(child, out));
        } else if (node.isArray()) {
            node.forEach(child -> collectExprs(child, out));
        }
    }

    @ParameterizedTest
    @MethodSource("dashboardExpressions")
    void everyExpressionInOurAndTheUsersDashboardsParses(String expression) {
        assertThat(PromqlParser.parse(expression)).isNotNull();
    }
}
