package dev.argus.collector.probe;

import dev.argus.contract.config.TargetConfig;
import dev.argus.contract.net.OutboundAddressGuard;
import dev.argus.contract.net.UnsafeDestinationException;
import java.io.IOException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One ICMP echo through the system's {@code ping -n -c 1 -W <seconds> host}: raw sockets need
 * privileges the JVM does not have, and {@code InetAddress.isReachable} silently falls back to a
 * TCP port 7 probe, which is not a ping.
 *
 * <p>The host is resolved and judged by the {@link OutboundAddressGuard} here, and ping is given
 * the address judged: ping reads numeric hosts as the C library does ({@code 2852039166}, {@code
 * 0xa9fea9fe}) and resolves names itself, so handing it the name would check one address and ping
 * another.
 */
final class PingProbe implements Probe {

  private static final Pattern ROUND_TRIP = Pattern.compile("time[=<]\\s*([0-9.]+)\\s*ms");
  // Only names and addresses: the host becomes a command argument and must never be an option.
  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._:%-]*");
  private static final Duration EXIT_GRACE = Duration.ofSeconds(2);

  private final String command;

  /**
   * @param command the ping executable, normally {@code ping} from the PATH
   */
  PingProbe(String command) {
    this.command = command;
  }

  @Override
  public ProbeOutcome check(TargetConfig target, Duration timeout)
      throws IOException, InterruptedException {
    String host = target.address() == null ? "" : target.address().trim();
    if (!HOST.matcher(host).matches()) {
      throw new IllegalArgumentException(
          "ping address '" + target.address() + "' is not a host name or IP address");
    }
    long seconds = Math.max(1, (timeout.toMillis() + 999) / 1000);
    long start = System.nanoTime();
    String checked;
    try {
      checked = OutboundAddressGuard.resolve("address", host).getFirst().getHostAddress();
    } catch (UnknownHostException e) {
      return ProbeOutcome.down(ProbeOutcome.millisSince(start), "unknown host " + host);
    } catch (UnsafeDestinationException e) {
      return ProbeOutcome.down(ProbeOutcome.millisSince(start), e.getMessage());
    }
    var builder =
        new ProcessBuilder(List.of(command, "-n", "-c", "1", "-W", Long.toString(seconds), checked))
            .redirectErrorStream(true);
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      return ProbeOutcome.down(
          null,
          "ping is not available: cannot run '"
              + command
              + "' ("
              + e.getMessage()
              + "); install iputils-ping or use a tcp target");
    }
    try {
      process.getOutputStream().close();
      if (!process.waitFor(seconds * 1000 + EXIT_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
        return ProbeOutcome.down(
            ProbeOutcome.millisSince(start),
            "ping " + host + " did not finish within " + seconds + " s");
      }
      // ping has exited: its few lines of output are all in the pipe.
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return outcome(host, process.exitValue(), output, ProbeOutcome.millisSince(start));
    } finally {
      process.destroyForcibly();
    }
  }

  static ProbeOutcome outcome(String host, int exitCode, String output, double elapsedMillis) {
    if (output.contains("Operation not permitted") || output.contains("Permission denied")) {
      return ProbeOutcome.down(
          null,
          "ping is not permitted for the collector's user ("
              + firstLine(output)
              + "): give ping the cap_net_raw capability or allow unprivileged ICMP (sysctl"
              + " net.ipv4.ping_group_range)");
    }
    Matcher roundTrip = ROUND_TRIP.matcher(output);
    if (exitCode == 0 && roundTrip.find()) {
      return ProbeOutcome.up(Double.parseDouble(roundTrip.group(1)));
    }
    if (exitCode == 1) {
      return ProbeOutcome.down(elapsedMillis, "no echo reply from " + host);
    }
    return ProbeOutcome.down(
        elapsedMillis,
        "ping " + host + " failed (exit code " + exitCode + "): " + firstLine(output));
  }

  private static String firstLine(String output) {
    String trimmed = output.strip();
    int newline = trimmed.indexOf('\n');
    return newline < 0 ? trimmed : trimmed.substring(0, newline);
  }
}
