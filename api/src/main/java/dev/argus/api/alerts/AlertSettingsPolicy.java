package dev.argus.api.alerts;

import dev.argus.contract.events.Severity;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a {@code PUT /api/alerts} may store: fills defaults, checks every field (the first problem
 * found is the 422's detail), keeps the stored secrets where the request sends the mask or leaves
 * them out, and masks secrets for {@code GET}. Secrets are the ntfy and Gotify tokens, the SMTP
 * password and webhook header values whose names look like credentials.
 */
final class AlertSettingsPolicy {

  /** What {@code GET} shows instead of a secret; sending it back keeps the stored value. */
  static final String MASK = "********";

  static final int MAX_COOLDOWN_MINUTES = 10_080;
  static final int MAX_PROVIDERS = 20;
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
  private static final Pattern HEADER_NAME = Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~-]{1,128}");
  private static final Pattern NTFY_TOPIC = Pattern.compile("[A-Za-z0-9_-]{1,64}");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s<>,;]+@[^@\\s<>,;]+");
  private static final Pattern SECRET_HEADER =
      Pattern.compile("(?i).*(auth|token|secret|passw|key|cookie|signature|credential).*");
  private static final Set<String> FORBIDDEN_HEADERS =
      Set.of("host", "content-length", "connection", "upgrade", "expect", "transfer-encoding");
  private static final String SEVERITIES = "low, medium, high, critical";

  private AlertSettingsPolicy() {}

  /** The settings to store for {@code requested}, given what is stored now. */
  static AlertSettings accept(AlertSettings requested, AlertSettings stored) {
    if (requested.providers() == null) {
      throw new InvalidAlertSettingsException(
          "providers is required (an empty list disables alerts)");
    }
    if (requested.providers().size() > MAX_PROVIDERS) {
      throw new InvalidAlertSettingsException(
          "at most " + MAX_PROVIDERS + " providers are allowed");
    }
    int cooldown =
        requested.cooldownMinutes() == null
            ? AlertSettings.DEFAULT_COOLDOWN_MINUTES
            : requested.cooldownMinutes();
    if (cooldown < 0 || cooldown > MAX_COOLDOWN_MINUTES) {
      throw new InvalidAlertSettingsException(
          "cooldown_minutes must be between 0 and " + MAX_COOLDOWN_MINUTES + ", got " + cooldown);
    }
    List<AlertProvider> providers = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < requested.providers().size(); i++) {
      AlertProvider given = requested.providers().get(i);
      String field = "providers[" + i + "]";
      if (given == null) {
        throw new InvalidAlertSettingsException(field + " must be an object");
      }
      AlertProvider provider = accept(field, given, stored);
      if (!names.add(provider.name())) {
        throw new InvalidAlertSettingsException(
            field
                + ".name '"
                + provider.name()
                + "' is used twice; give each provider its own name");
      }
      providers.add(provider);
    }
    return new AlertSettings(
        List.copyOf(providers),
        cooldown,
        requested.sendRecovery() == null || requested.sendRecovery());
  }

  /** The settings as {@code GET} shows them: every secret that is set replaced by the mask. */
  static AlertSettings masked(AlertSettings settings) {
    return new AlertSettings(
        settings.providers().stream().map(AlertSettingsPolicy::masked).toList(),
        settings.cooldownMinutes(),
        settings.sendRecovery());
  }

  static Severity severity(String field, String value) {
    if (value == null) {
      return Severity.LOW;
    }
    for (Severity severity : Severity.values()) {
      if (severity.wireName().equals(value)) {
        return severity;
      }
    }
    throw new InvalidAlertSettingsException(
        field + ".min_severity must be one of " + SEVERITIES + ", got '" + value + "'");
  }

  private static AlertProvider accept(String field, AlertProvider given, AlertSettings stored) {
    if (given instanceof AlertProvider.Unknown unknown) {
      throw new InvalidAlertSettingsException(
          field
              + ".type must be one of "
              + AlertProvider.TYPES
              + (unknown.type() == null ? "" : ", got '" + unknown.type() + "'"));
    }
    String name = given.name() == null ? given.type() : given.name().strip();
    if (!NAME.matcher(name).matches()) {
      throw new InvalidAlertSettingsException(
          field + ".name must be 1-64 letters, digits, '.', '_' or '-', got '" + name + "'");
    }
    boolean enabled = given.enabled() == null || given.enabled();
    String minSeverity = severity(field, given.minSeverity()).wireName();
    AlertProvider previous =
        stored.providers().stream()
            .filter(p -> p.name().equals(name) && p.type().equals(given.type()))
            .findFirst()
            .orElse(null);
    return switch (given) {
      case AlertProvider.Webhook w -> {
        ProviderDestinations.checkUrl(field + ".url", w.url());
        yield new AlertProvider.Webhook(
            name,
            enabled,
            minSeverity,
            w.url().strip(),
            headers(
                field,
                w.headers(),
                previous instanceof AlertProvider.Webhook p ? p.headers() : null));
      }
      case AlertProvider.Ntfy n -> {
        ProviderDestinations.checkUrl(field + ".server_url", n.serverUrl());
        if (n.topic() == null || !NTFY_TOPIC.matcher(n.topic()).matches()) {
          throw new InvalidAlertSettingsException(
              field + ".topic is required: 1-64 letters, digits, '_' or '-'");
        }
        String token = kept(n.token(), previous instanceof AlertProvider.Ntfy p ? p.token() : null);
        yield new AlertProvider.Ntfy(
            name, enabled, minSeverity, trimSlash(n.serverUrl()), n.topic(), token);
      }
      case AlertProvider.Gotify g -> {
        ProviderDestinations.checkUrl(field + ".server_url", g.serverUrl());
        String token =
            kept(g.appToken(), previous instanceof AlertProvider.Gotify p ? p.appToken() : null);
        if (token == null || token.isBlank()) {
          throw new InvalidAlertSettingsException(field + ".app_token is required for gotify");
        }
        yield new AlertProvider.Gotify(name, enabled, minSeverity, trimSlash(g.serverUrl()), token);
      }
      case AlertProvider.Email e -> email(field, name, enabled, minSeverity, e, previous);
      case AlertProvider.Unknown u -> throw new IllegalStateException("handled above");
    };
  }

  private static AlertProvider.Email email(
      String field,
      String name,
      boolean enabled,
      String minSeverity,
      AlertProvider.Email e,
      AlertProvider previous) {
    ProviderDestinations.checkHost(field + ".smtp_host", e.smtpHost());
    int port = e.smtpPort() == null ? 587 : e.smtpPort();
    if (port < 1 || port > 65_535) {
      throw new InvalidAlertSettingsException(
          field + ".smtp_port must be between 1 and 65535, got " + port);
    }
    if (e.from() == null || !EMAIL.matcher(e.from()).matches()) {
      throw new InvalidAlertSettingsException(
          field + ".from must be an email address such as argus@example.com");
    }
    if (e.to() == null || e.to().isEmpty()) {
      throw new InvalidAlertSettingsException(field + ".to must list at least one recipient");
    }
    for (String recipient : e.to()) {
      if (recipient == null || !EMAIL.matcher(recipient).matches()) {
        throw new InvalidAlertSettingsException(
            field + ".to must hold email addresses, got '" + recipient + "'");
      }
    }
    String password =
        kept(e.password(), previous instanceof AlertProvider.Email p ? p.password() : null);
    return new AlertProvider.Email(
        name,
        enabled,
        minSeverity,
        e.smtpHost().strip(),
        port,
        blankToNull(e.username()),
        password,
        e.from(),
        List.copyOf(e.to()),
        e.starttls() == null || e.starttls());
  }

  private static Map<String, String> headers(
      String field, Map<String, String> given, Map<String, String> previous) {
    Map<String, String> headers = new LinkedHashMap<>();
    if (given == null) {
      return headers;
    }
    for (var header : given.entrySet()) {
      String headerName = header.getKey();
      if (!HEADER_NAME.matcher(headerName).matches()
          || FORBIDDEN_HEADERS.contains(headerName.toLowerCase(Locale.ROOT))) {
        throw new InvalidAlertSettingsException(
            field + ".headers: '" + headerName + "' cannot be set on a webhook request");
      }
      String value = kept(header.getValue(), previous == null ? null : previous.get(headerName));
      if (value == null || value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
        throw new InvalidAlertSettingsException(
            field + ".headers['" + headerName + "'] must be a single-line value");
      }
      headers.put(headerName, value);
    }
    return headers;
  }

  /** The stored secret when the request sends the mask or nothing; "" clears it. */
  private static String kept(String given, String previous) {
    if (given == null || given.equals(MASK)) {
      return previous;
    }
    return blankToNull(given);
  }

  private static AlertProvider masked(AlertProvider provider) {
    return switch (provider) {
      case AlertProvider.Webhook w -> {
        Map<String, String> headers = new LinkedHashMap<>();
        w.headers().forEach((k, v) -> headers.put(k, isSecretHeader(k) ? MASK : v));
        yield new AlertProvider.Webhook(w.name(), w.enabled(), w.minSeverity(), w.url(), headers);
      }
      case AlertProvider.Ntfy n ->
          new AlertProvider.Ntfy(
              n.name(), n.enabled(), n.minSeverity(), n.serverUrl(), n.topic(), mask(n.token()));
      case AlertProvider.Gotify g ->
          new AlertProvider.Gotify(
              g.name(), g.enabled(), g.minSeverity(), g.serverUrl(), mask(g.appToken()));
      case AlertProvider.Email e ->
          new AlertProvider.Email(
              e.name(),
              e.enabled(),
              e.minSeverity(),
              e.smtpHost(),
              e.smtpPort(),
              e.username(),
              mask(e.password()),
              e.from(),
              e.to(),
              e.starttls());
      case AlertProvider.Unknown u -> u;
    };
  }

  static boolean isSecretHeader(String name) {
    return SECRET_HEADER.matcher(name).matches();
  }

  private static String mask(String secret) {
    return secret == null ? null : MASK;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  private static String trimSlash(String url) {
    String stripped = url.strip();
    return stripped.endsWith("/") ? stripped.substring(0, stripped.length() - 1) : stripped;
  }
}
