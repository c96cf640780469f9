package com.peaktrade.obs.compose;

import static org.assertj.core.api.Assertions.assertThat;

import com.peaktrade.obs.compose.GoJson.Omit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The bytes of Go's json.Marshal (Go 1.22+), which docker compose hashes. */
class GoJsonTest {

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
            <a href="x">&</a>   | "\\u003ca href=\\"x\\"\\u003e\\u0026\\u003c/a\\u003e"
            back\\slash         | "back\\\\slash"
            é 中 😀 /           | "é 中 😀 /"
            """)
    void stringsAreEscapedLikeGo(String text, String json) {
        assertThat(GoJson.marshal(text)).isEqualTo(json);
    }

    @Test
    void controlCharactersAndLineSeparatorsAreEscapedLikeGo() {
        assertThat(GoJson.marshal("\t\n\r\b\f\u0001\u007f\u2028\u2029"))
                .isEqualTo("\"\\t\\n\\r\\b\\f\\u0001\u007f\\u2028\\u2029\"");
        assertThat(GoJson.marshal("lone \ud800 surrogate")).isEqualTo("\"lone \\ufffd surrogate\"");
    }

    @Test
    void mapKeysAreSortedByUtf8BytesAndStructFieldsKeepTheirOrder() {
        Map<String, Object> map = new LinkedHashMap<>();
        for (String key : List.of("b", "\uFF00", "😀", "B", "a")) {
            map.put(key, null);
        }
        GoJson.Struct struct = new GoJson.Struct().put("z", map, Omit.EMPTY).put("a", 1, Omit.EMPTY);
        assertThat(GoJson.marshal(struct)).isEqualTo("{\"z\":{\"B\":null,\"a\":null,\"b\":null,\"\uFF00\":null,\"😀\":null},\"a\":1}");
    }

    @Test
    void omitRulesFollowTheJsonTag() {
        List<Object> empty = new ArrayList<>();
        GoJson.Struct omitEmpty = new GoJson.Struct();
        List<Object> zeroValues = Arrays.asList(null, "", false, 0, empty, Map.of());
        for (int i = 0; i < zeroValues.size(); i++) {
            omitEmpty.put("f" + i, zeroValues.get(i), Omit.EMPTY);
        }
        assertThat(GoJson.marshal(omitEmpty)).isEqualTo("{}");
        assertThat(GoJson.marshal(new GoJson.Struct()
                .put("command", null, Omit.NEVER).put("entrypoint", empty, Omit.NEVER)
                .put("retries", 0, Omit.NIL).put("timeout", null, Omit.NIL).put("disable", false, Omit.EMPTY)))
                .isEqualTo("{\"command\":null,\"entrypoint\":[],\"retries\":0}");
    }
}
