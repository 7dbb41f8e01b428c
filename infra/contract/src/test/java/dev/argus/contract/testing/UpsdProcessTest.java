package dev.argus.contract.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UpsdProcessTest {

  @Test
  void servesTheVariablesOfItsDevFile() throws Exception {
    assumeTrue(UpsdProcess.available(), "nut-server is not installed");
    try (var upsd =
        UpsdProcess.start(Path.of("target"), Map.of("ups.status", "OL", "battery.charge", "97"))) {
      try (var socket = new Socket(upsd.host(), upsd.port());
          var out = new PrintWriter(socket.getOutputStream(), true, StandardCharsets.US_ASCII);
          var in =
              new BufferedReader(
                  new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))) {
        out.print("GET VAR sim battery.charge\n");
        out.flush();
        assertThat(in.readLine()).isEqualTo("VAR sim battery.charge \"97\"");
      }
    }
  }
}
