package dev.argus.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs Debian's {@code wrk} with {@code --latency} and parses what it prints. */
record Wrk(int threads, int connections, int seconds) {

  WrkResult run(String url, Path luaScript) throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(
            List.of(
                "wrk",
                "--latency",
                "-t" + threads,
                "-c" + connections,
                "-d" + seconds + "s",
                // wrk's default 2 s timeout drops slow requests from the latency figures
                // altogether.
                "--timeout",
                seconds + "s"));
    if (luaScript != null) {
      command.addAll(List.of("-s", luaScript.toString()));
    }
    command.add(url);
    Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!wrk.waitFor(seconds + 30L, TimeUnit.SECONDS) || wrk.exitValue() != 0) {
      wrk.destroy();
      throw new IllegalStateException("wrk failed on " + url + ":\n" + output);
    }
    return WrkResult.parse(output);
  }
}
