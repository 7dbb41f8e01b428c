package dev.argus.camera.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonLineTest {

  @Test
  void readsTheSidecarsAnswer() {
    Object answer =
        JsonLine.parse(
            "{\"id\":7,\"objects\":[{\"label\":\"person\",\"score\":0.83,"
                + "\"box\":[0.1,0.2,0.05,1e-1]}],\"ms\":41.5,\"ok\":true,\"none\":null}");

    assertThat(answer)
        .isEqualTo(
            mapOf(
                "id",
                7.0,
                "objects",
                List.of(
                    Map.of("label", "person", "score", 0.83, "box", List.of(0.1, 0.2, 0.05, 0.1))),
                "ms",
                41.5,
                "ok",
                true,
                "none",
                null));
  }

  @Test
  void readsEscapes() {
    assertThat(JsonLine.parse("{\"error\":\"bad \\\"x\\\"\\n\\u00e9\"}"))
        .isEqualTo(Map.of("error", "bad \"x\"\né"));
  }

  @Test
  void refusesWhatIsNotJson() {
    for (String bad : List.of("", "{", "{\"a\":}", "[1,2", "\"open", "{\"a\":1} x", "nope")) {
      assertThatThrownBy(() -> JsonLine.parse(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("not JSON");
    }
  }

  @Test
  void quotesStrings() {
    assertThat(JsonLine.quote("a\"b\\c\n\u0001")).isEqualTo("\"a\\\"b\\\\c\\n\\u0001\"");
    assertThat(JsonLine.parse(JsonLine.quote("a\"b\\c\n\u0001"))).isEqualTo("a\"b\\c\n\u0001");
  }

  private static Map<String, Object> mapOf(Object... pairs) {
    var map = new java.util.LinkedHashMap<String, Object>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((String) pairs[i], pairs[i + 1]);
    }
    return map;
  }
}
