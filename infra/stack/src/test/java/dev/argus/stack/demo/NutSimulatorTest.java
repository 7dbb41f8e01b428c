package dev.argus.stack.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NutSimulatorTest {

  private NutSimulator simulator;

  @BeforeEach
  void start() throws Exception {
    simulator =
        NutSimulator.start(
            DemoFleet.upses(),
            0,
            Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));
  }

  @AfterEach
  void stop() throws Exception {
    simulator.close();
  }

  @Test
  void listsItsUpsesAndTheirVariablesInNutWireFormat() throws Exception {
    List<String> ups = converse("LIST UPS", "END LIST UPS");
    assertThat(ups)
        .containsExactly(
            "BEGIN LIST UPS",
            "UPS office \"Office UPS\"",
            "UPS rack-a \"Rack A UPS\"",
            "UPS rack-b \"Rack B UPS\"",
            "UPS lab \"Lab UPS\"",
            "END LIST UPS");

    List<String> vars = converse("LIST VAR office", "END LIST VAR office");
    assertThat(vars.getFirst()).isEqualTo("BEGIN LIST VAR office");
    assertThat(vars)
        .contains("VAR office ups.status \"OL\"", "VAR office battery.charge \"100.0\"");
  }

  @Test
  void answersErrorsLikeUpsd() throws Exception {
    assertThat(converse("LIST VAR nosuch", "ERR")).containsExactly("ERR UNKNOWN-UPS");
    assertThat(converse("GET VAR office no.such.var", "ERR"))
        .containsExactly("ERR VAR-NOT-SUPPORTED");
    assertThat(converse("FROBNICATE", "ERR")).containsExactly("ERR UNKNOWN-COMMAND");
  }

  @Test
  void theRealNutClientReadsIt() throws Exception {
    Path upsc = Path.of("/bin/upsc");
    assumeTrue(
        Files.isExecutable(upsc) || Files.isExecutable(Path.of("/usr/bin/upsc")),
        "nut-client (upsc) is not installed");
    Process process =
        new ProcessBuilder("upsc", "rack-a@127.0.0.1:" + simulator.port(), "ups.status")
            .redirectErrorStream(true)
            .start();
    assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(output.lines().filter(l -> !l.startsWith("Init SSL"))).containsExactly("OL");
  }

  private List<String> converse(String request, String lastLinePrefix) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", simulator.port())) {
      socket.setSoTimeout(5000);
      OutputStream out = socket.getOutputStream();
      out.write((request + "\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      var in =
          new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
      List<String> lines = new ArrayList<>();
      String line;
      while ((line = in.readLine()) != null) {
        lines.add(line);
        if (line.startsWith(lastLinePrefix)) {
          break;
        }
      }
      return lines;
    }
  }
}
