package dev.argus.collector.probe;

import dev.argus.contract.config.TargetConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;

/** Up when a TCP connection to {@code host:port} is established within the timeout. */
final class TcpProbe implements Probe {

  @Override
  public ProbeOutcome check(TargetConfig target, Duration timeout) {
    HostPort address = HostPort.parse(target.address());
    long start = System.nanoTime();
    try (var socket = new Socket()) {
      socket.connect(new InetSocketAddress(address.host(), address.port()), (int) timeout.toMillis());
      return ProbeOutcome.up(ProbeOutcome.millisSince(start));
    } catch (UnknownHostException e) {
      return ProbeOutcome.down(ProbeOutcome.millisSince(start), "unknown host " + address.host());
    } catch (SocketTimeoutException e) {
      return ProbeOutcome.down(
          ProbeOutcome.millisSince(start),
          "connect timed out after " + timeout.toMillis() + " ms to " + address);
    } catch (IOException e) {
      // ConnectException and friends: "Connection refused", "No route to host", ...
      return ProbeOutcome.down(
          ProbeOutcome.millisSince(start), "cannot connect to " + address + ": " + e.getMessage());
    }
  }
}
