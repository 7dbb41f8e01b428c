package dev.argus.collector.probe;

import dev.argus.contract.config.TargetConfig;
import dev.argus.contract.net.OutboundAddressGuard;
import dev.argus.contract.net.UnsafeDestinationException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;

/**
 * Up when a TCP connection to {@code host:port} is established within the timeout. The host is
 * judged by the {@link OutboundAddressGuard} first, and the connection goes to the address judged.
 */
final class TcpProbe implements Probe {

  @Override
  public ProbeOutcome check(TargetConfig target, Duration timeout) {
    HostPort address = HostPort.parse(target.address());
    long start = System.nanoTime();
    InetAddress checked;
    try {
      checked = OutboundAddressGuard.resolve("address", address.host()).getFirst();
    } catch (UnknownHostException e) {
      return ProbeOutcome.down(ProbeOutcome.millisSince(start), "unknown host " + address.host());
    } catch (UnsafeDestinationException e) {
      return ProbeOutcome.down(ProbeOutcome.millisSince(start), e.getMessage());
    }
    try (var socket = new Socket()) {
      socket.connect(new InetSocketAddress(checked, address.port()), (int) timeout.toMillis());
      return ProbeOutcome.up(ProbeOutcome.millisSince(start));
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
