package dev.argus.collector.nut;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class NutResponseParserTest {

  private final NutResponseParser parser = new NutResponseParser(100);

  /** The server's answer, line by line, then end of stream. */
  private static NutLineSource answer(String... lines) {
    Iterator<String> remaining = List.of(lines).iterator();
    return () -> remaining.hasNext() ? remaining.next() : null;
  }

  @Nested
  class Words {

    @Test
    void splitsOnSpacesAndKeepsQuotedSpaces() throws Exception {
      assertThat(NutResponseParser.words("VAR sim ups.status \"OB DISCHRG\""))
          .containsExactly("VAR", "sim", "ups.status", "OB DISCHRG");
    }

    @Test
    void unescapesQuotesAndBackslashes() throws Exception {
      assertThat(NutResponseParser.words("VAR sim ups.model \"Smart \\\"X\\\" C:\\\\ups\""))
          .containsExactly("VAR", "sim", "ups.model", "Smart \"X\" C:\\ups");
    }

    @Test
    void keepsAnEmptyQuotedValue() throws Exception {
      assertThat(NutResponseParser.words("VAR sim battery.charge \"\""))
          .containsExactly("VAR", "sim", "battery.charge", "");
    }

    @Test
    void toleratesRepeatedSpaces() throws Exception {
      assertThat(NutResponseParser.words("  UPS  sim   \"x\"  "))
          .containsExactly("UPS", "sim", "x");
    }

    @Test
    void refusesAnUnterminatedQuote() {
      assertThatThrownBy(() -> NutResponseParser.words("VAR sim ups.status \"OL"))
          .isInstanceOf(NutProtocolException.class)
          .hasMessageContaining("unterminated");
    }

    @Test
    void refusesALoneTrailingBackslash() {
      assertThatThrownBy(() -> NutResponseParser.words("VAR sim x \"a\\"))
          .isInstanceOf(NutProtocolException.class);
    }

    @Test
    void refusesTextGluedToAClosingQuote() {
      assertThatThrownBy(() -> NutResponseParser.words("VAR sim x \"a\"b"))
          .isInstanceOf(NutProtocolException.class)
          .hasMessageContaining("quote in the middle");
    }
  }

  @Nested
  class ListUps {

    @Test
    void readsNamesAndDescriptions() throws Exception {
      // Given
      var in =
          answer(
              "BEGIN LIST UPS",
              "UPS sim \"Argus test UPS\"",
              "UPS rack2 \"Rack \\\"2\\\"\"",
              "END LIST UPS");

      // When
      List<UpsInfo> upses = parser.upsList(in);

      // Then
      assertThat(upses)
          .containsExactly(
              new UpsInfo("sim", "Argus test UPS"), new UpsInfo("rack2", "Rack \"2\""));
    }

    @Test
    void readsAnEmptyList() throws Exception {
      assertThat(parser.upsList(answer("BEGIN LIST UPS", "END LIST UPS"))).isEmpty();
    }

    @Test
    void turnsAnErrLineIntoATypedError() {
      assertThatThrownBy(() -> parser.upsList(answer("ERR ACCESS-DENIED")))
          .isInstanceOfSatisfying(
              NutServerError.class,
              e -> {
                assertThat(e.code()).isEqualTo("ACCESS-DENIED");
                assertThat(e.detail()).isEmpty();
                assertThat(e.getMessage()).isEqualTo("ERR ACCESS-DENIED (in answer to LIST UPS)");
              });
    }

    @Test
    void refusesALineThatIsNotAUps() {
      assertThatThrownBy(() -> parser.upsList(answer("BEGIN LIST UPS", "HELLO", "END LIST UPS")))
          .isInstanceOf(NutProtocolException.class)
          .hasMessageContaining("'HELLO'");
    }
  }

  @Nested
  class ListVar {

    @Test
    void readsEveryVariableInOrder() throws Exception {
      // Given
      var in =
          answer(
              "BEGIN LIST VAR sim",
              "VAR sim battery.charge \"100\"",
              "VAR sim ups.status \"OL CHRG\"",
              "VAR sim ups.mfr \"A \\\\ B\"",
              "END LIST VAR sim");

      // When
      Map<String, String> variables = parser.variables("sim", in);

      // Then
      assertThat(variables)
          .containsExactly(
              Map.entry("battery.charge", "100"),
              Map.entry("ups.status", "OL CHRG"),
              Map.entry("ups.mfr", "A \\ B"));
    }

    @Test
    void acceptsTheServersSpellingOfTheUpsName() throws Exception {
      // upsd finds "SIM" case-insensitively and answers with the name from its ups.conf.
      var in = answer("BEGIN LIST VAR sim", "VAR sim battery.charge \"90\"", "END LIST VAR sim");

      assertThat(parser.variables("SIM", in)).containsEntry("battery.charge", "90");
    }

    @Test
    void turnsErrDataStaleIntoATypedErrorWithItsCode() {
      assertThatThrownBy(() -> parser.variables("sim", answer("ERR DATA-STALE")))
          .isInstanceOfSatisfying(
              NutServerError.class, e -> assertThat(e.code()).isEqualTo("DATA-STALE"));
    }

    @Test
    void keepsTheDetailAfterTheErrorCode() {
      assertThatThrownBy(
              () -> parser.variables("sim", answer("ERR DRIVER-NOT-CONNECTED since 12:00")))
          .isInstanceOfSatisfying(
              NutServerError.class,
              e -> {
                assertThat(e.code()).isEqualTo("DRIVER-NOT-CONNECTED");
                assertThat(e.detail()).isEqualTo("since 12:00");
              });
    }

    @Test
    void reportsAnErrLineInTheMiddleOfTheList() {
      var in = answer("BEGIN LIST VAR sim", "VAR sim battery.charge \"100\"", "ERR UNKNOWN-UPS");

      assertThatThrownBy(() -> parser.variables("sim", in))
          .isInstanceOfSatisfying(
              NutServerError.class, e -> assertThat(e.code()).isEqualTo("UNKNOWN-UPS"));
    }

    @Test
    void refusesAVariableOfAnotherUps() {
      var in = answer("BEGIN LIST VAR sim", "VAR other battery.charge \"5\"", "END LIST VAR sim");

      assertThatThrownBy(() -> parser.variables("sim", in))
          .isInstanceOf(NutProtocolException.class)
          .hasMessageContaining("UPS 'other' in the list of 'sim'");
    }

    @Test
    void refusesAListThatBeginsForAnotherUps() {
      var in = answer("BEGIN LIST VAR other", "END LIST VAR other");

      assertThatThrownBy(() -> parser.variables("sim", in))
          .isInstanceOf(NutProtocolException.class)
          .hasMessageContaining("expected 'BEGIN LIST VAR sim'");
    }

    @Test
    void refusesGarbageInsteadOfTheBeginLine() {
      var in = answer("HTTP/1.1 400 Bad Request", "");

      assertThatThrownBy(() -> parser.variables("sim", in))
          .isInstanceOf(NutProtocolException.class)
          .hasMessage(
              "malformed answer to LIST VAR sim: expected 'BEGIN LIST VAR sim', got 'HTTP/1.1 400"
                  + " Bad Request'");
    }

    @Test
    void refusesAGarbageLineInsideTheList() {
      var in = answer("BEGIN LIST VAR sim", "VAR sim battery.charge", "END LIST VAR sim");

      assertThatThrownBy(() -> parser.variables("sim", in))
          .isInstanceOf(NutProtocolException.class)
          .hasMessageContaining("got 'VAR sim battery.charge'");
    }

    @Test
    void showsControlCharactersOfGarbageEscaped() {
      var in = answer("\u0001\u0002binary\u007f");

      assertThatThrownBy(() -> parser.variables("sim", in))
          .hasMessageContaining("got '\\x01\\x02binary\\x7f'");
    }

    @Test
    void reportsAListCutShortByTheServer() {
      var in = answer("BEGIN LIST VAR sim", "VAR sim battery.charge \"100\"");

      assertThatThrownBy(() -> parser.variables("sim", in))
          .isInstanceOf(NutProtocolException.class)
          .hasMessage("connection closed before 'END LIST VAR sim' in the answer to LIST VAR sim");
    }

    @Test
    void reportsAnEmptyAnswer() {
      assertThatThrownBy(() -> parser.variables("sim", answer()))
          .isInstanceOf(NutProtocolException.class)
          .hasMessageContaining("connection closed before 'BEGIN LIST VAR sim'");
    }

    @Test
    void refusesAListThatDoesNotEndWithinTheLineLimit() {
      // Given a server that would stream variables forever
      int[] sent = {0};
      NutLineSource endless =
          () -> sent[0]++ == 0 ? "BEGIN LIST VAR sim" : "VAR sim x.n" + sent[0] + " \"1\"";

      // When / Then
      assertThatThrownBy(() -> new NutResponseParser(50).variables("sim", endless))
          .isInstanceOf(NutProtocolException.class)
          .hasMessageContaining("did not end within 50 lines");
      assertThat(sent[0]).isEqualTo(51);
    }

    @Test
    void acceptsAListOfExactlyTheLineLimit() throws Exception {
      List<String> lines = new ArrayList<>();
      lines.add("BEGIN LIST VAR sim");
      for (int i = 0; i < 4; i++) {
        lines.add("VAR sim v" + i + " \"" + i + "\"");
      }
      lines.add("END LIST VAR sim");

      assertThat(new NutResponseParser(5).variables("sim", answer(lines.toArray(String[]::new))))
          .hasSize(4);
    }
  }

  @Nested
  class Ok {

    @Test
    void acceptsOkWithText() throws Exception {
      parser.ok("LOGOUT", answer("OK Goodbye"));
    }

    @Test
    void turnsErrIntoATypedError() {
      assertThatThrownBy(() -> parser.ok("PASSWORD", answer("ERR INVALID-PASSWORD")))
          .isInstanceOfSatisfying(
              NutServerError.class, e -> assertThat(e.code()).isEqualTo("INVALID-PASSWORD"));
    }

    @Test
    void refusesAnythingElse() {
      assertThatThrownBy(() -> parser.ok("USERNAME", answer("YES")))
          .isInstanceOf(NutProtocolException.class)
          .hasMessageContaining("expected 'OK'");
    }
  }
}
