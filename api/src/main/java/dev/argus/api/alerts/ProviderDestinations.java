package dev.argus.api.alerts;

import dev.argus.contract.net.OutboundAddressGuard;
import dev.argus.contract.net.UnsafeDestinationException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * The addresses alert providers may send to: plain http(s) URLs without credentials and SMTP hosts
 * that resolve, now, to addresses the {@link OutboundAddressGuard} allows (no link-local, cloud
 * metadata, unspecified or multicast address; loopback and the LAN are fine, a self-hosted ntfy or
 * Gotify is the normal case).
 *
 * <p>Checked when the settings are saved and again before every send, since a name may resolve
 * elsewhere by then. Unlike a monitored host, a provider's name must resolve when saved: an alert
 * that cannot be delivered is better found now. The HTTP client resolves the name once more when it
 * connects, so a DNS server that answers differently within that moment is not covered.
 */
final class ProviderDestinations {

  private ProviderDestinations() {}

  /** The URI of an http(s) URL that may be called, or an exception saying why not. */
  static URI checkUrl(String field, String url) {
    if (url == null || url.isBlank()) {
      throw new InvalidAlertSettingsException(
          field + " is required, e.g. https://ntfy.example.com");
    }
    URI uri;
    try {
      uri = new URI(url.strip());
    } catch (URISyntaxException e) {
      throw new InvalidAlertSettingsException(field + " is not a valid URL: " + e.getReason());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new InvalidAlertSettingsException(
          field + " must be an http or https URL, got '" + url + "'");
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      throw new InvalidAlertSettingsException(field + " must name a host, got '" + url + "'");
    }
    if (uri.getRawUserInfo() != null) {
      throw new InvalidAlertSettingsException(
          field + " must not contain credentials; put them in a header or token field");
    }
    checkHost(field, uri.getHost());
    return uri;
  }

  /** Resolves {@code host} and rejects it when it does not resolve or any address is refused. */
  static void checkHost(String field, String host) {
    try {
      OutboundAddressGuard.resolve(field, host);
    } catch (UnknownHostException e) {
      throw new InvalidAlertSettingsException(field + ": host '" + host + "' does not resolve");
    } catch (UnsafeDestinationException e) {
      throw new InvalidAlertSettingsException(e.getMessage());
    }
  }
}
