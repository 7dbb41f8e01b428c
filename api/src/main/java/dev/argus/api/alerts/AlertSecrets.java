package dev.argus.api.alerts;

import dev.argus.contract.secrets.SecretContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The secrets of alert settings — the ntfy and Gotify tokens, the SMTP password and webhook header
 * values whose names look like credentials (the same ones {@link AlertSettingsPolicy} masks) — each
 * with the context that binds its ciphertext to its provider and field.
 */
final class AlertSecrets {

  private AlertSecrets() {}

  /** {@code settings} with every secret {@code s} replaced by {@code change(s, its context)}. */
  static AlertSettings map(
      AlertSettings settings, BiFunction<String, SecretContext, String> change) {
    return new AlertSettings(
        settings.providers().stream().map(provider -> map(provider, change)).toList(),
        settings.cooldownMinutes(),
        settings.sendRecovery());
  }

  private static AlertProvider map(
      AlertProvider provider, BiFunction<String, SecretContext, String> change) {
    return switch (provider) {
      case AlertProvider.Webhook w -> {
        Map<String, String> headers = new LinkedHashMap<>();
        if (w.headers() != null) {
          w.headers()
              .forEach(
                  (name, value) ->
                      headers.put(
                          name,
                          AlertSettingsPolicy.isSecretHeader(name)
                              ? apply(change, value, w, "header:" + name)
                              : value));
        }
        yield new AlertProvider.Webhook(w.name(), w.enabled(), w.minSeverity(), w.url(), headers);
      }
      case AlertProvider.Ntfy n ->
          new AlertProvider.Ntfy(
              n.name(),
              n.enabled(),
              n.minSeverity(),
              n.serverUrl(),
              n.topic(),
              apply(change, n.token(), n, "token"));
      case AlertProvider.Gotify g ->
          new AlertProvider.Gotify(
              g.name(),
              g.enabled(),
              g.minSeverity(),
              g.serverUrl(),
              apply(change, g.appToken(), g, "app_token"));
      case AlertProvider.Email e ->
          new AlertProvider.Email(
              e.name(),
              e.enabled(),
              e.minSeverity(),
              e.smtpHost(),
              e.smtpPort(),
              e.username(),
              apply(change, e.password(), e, "password"),
              e.from(),
              e.to(),
              e.starttls());
      case AlertProvider.Unknown u -> u;
    };
  }

  private static String apply(
      BiFunction<String, SecretContext, String> change,
      String secret,
      AlertProvider provider,
      String field) {
    return secret == null
        ? null
        : change.apply(
            secret, SecretContext.alertProviderField(provider.type(), provider.name(), field));
  }
}
