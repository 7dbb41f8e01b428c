package dev.argus.api.llm.providers;

import dev.argus.api.llm.LlmCatalog;
import dev.argus.contract.net.OutboundAddressGuard;
import dev.argus.contract.net.UnsafeDestinationException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a provider's settings must be, and where the fields clients put in {@code credentials} that
 * are no secrets belong.
 */
final class ProviderRules {

  /** How a stored secret is shown; sent back in a PATCH, it keeps the stored value. */
  static final String MASK = "****";

  static final Set<String> FIELDS =
      Set.of(
          "provider_type",
          "display_name",
          "enabled",
          "base_url",
          "region",
          "credentials",
          "options");

  /** Top-level settings that clients of the seed's system send inside {@code credentials}. */
  private static final Set<String> TOP_LEVEL_IN_CREDENTIALS = Set.of("base_url", "region");

  /** Azure OpenAI's non-secret settings, moved from {@code credentials} to {@code options}. */
  private static final Set<String> OPTIONS_IN_CREDENTIALS =
      Set.of("resource", "deployment", "api_version");

  private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");
  private static final int MAX_ENTRIES = 20;
  private static final int MAX_SECRET_LENGTH = 8192;
  private static final int MAX_OPTION_LENGTH = 1000;

  private ProviderRules() {}

  /**
   * Moves {@code base_url} and {@code region} out of {@code credentials} to the top level (unless
   * the body names them there too) and Azure's settings to {@code options}, so that {@code
   * credentials} is left with secrets only. Changes {@code body} in place.
   */
  static void moveNonSecrets(ObjectNode body) {
    if (!(body.get("credentials") instanceof ObjectNode credentials)) {
      return;
    }
    for (String field : TOP_LEVEL_IN_CREDENTIALS) {
      JsonNode value = credentials.remove(field);
      if (value != null && !body.has(field)) {
        body.set(field, value);
      }
    }
    for (String field : OPTIONS_IN_CREDENTIALS) {
      JsonNode value = credentials.remove(field);
      if (value == null) {
        continue;
      }
      if (!(body.get("options") instanceof ObjectNode)) {
        body.putObject("options");
      }
      ObjectNode options = (ObjectNode) body.get("options");
      if (!options.has(field)) {
        options.set(field, value);
      }
    }
  }

  /** The unknown fields of a body, as a problem; empty when there are none. */
  static List<String> unknownFields(JsonNode body) {
    return body.propertyNames().stream()
        .filter(name -> !FIELDS.contains(name))
        .sorted()
        .map(
            name ->
                name
                    + " is not a field of a provider; the fields are base_url, credentials,"
                    + " display_name, enabled, options, provider_type, region")
        .toList();
  }

  /** What is wrong with the non-secret settings. */
  static List<String> problems(ProviderRequest request, LlmCatalog catalog) {
    List<String> problems = new ArrayList<>();
    if (request.providerType() == null || !catalog.isProviderType(request.providerType())) {
      problems.add(
          "provider_type must be one of "
              + String.join(", ", catalog.providerTypes())
              + (request.providerType() == null ? "" : ", got '" + request.providerType() + "'"));
    }
    if (request.displayName() == null || request.displayName().isBlank()) {
      problems.add("display_name is required");
    } else if (request.displayName().length() > 200) {
      problems.add("display_name must be at most 200 characters");
    }
    if (request.baseUrl() != null) {
      baseUrlProblem(request.baseUrl()).ifPresent(problems::add);
    }
    if (request.region() != null && request.region().length() > 100) {
      problems.add("region must be at most 100 characters");
    }
    problems.addAll(entryProblems("options", request.options(), MAX_OPTION_LENGTH));
    return problems;
  }

  /** What is wrong with the secrets a request sends (null values and the mask are not secrets). */
  static List<String> credentialProblems(Map<String, String> credentials) {
    return entryProblems("credentials", credentials, MAX_SECRET_LENGTH);
  }

  /** The base URL as stored: stripped, without a trailing slash; null for blank. */
  static String normalisedBaseUrl(String baseUrl) {
    if (baseUrl == null || baseUrl.isBlank()) {
      return null;
    }
    String stripped = baseUrl.strip();
    return stripped.endsWith("/") ? stripped.substring(0, stripped.length() - 1) : stripped;
  }

  /** Scheme, host and port: where credentials go. Null (the type's default) is an origin too. */
  static boolean sameOrigin(String a, String b) {
    if (a == null || b == null) {
      return a == null && b == null;
    }
    URI first = URI.create(a);
    URI second = URI.create(b);
    return Objects.equals(lower(first.getScheme()), lower(second.getScheme()))
        && Objects.equals(lower(first.getHost()), lower(second.getHost()))
        && port(first) == port(second);
  }

  private static Optional<String> baseUrlProblem(String baseUrl) {
    if (baseUrl.length() > 2048) {
      return Optional.of("base_url must be at most 2048 characters");
    }
    URI uri;
    try {
      uri = new URI(baseUrl);
    } catch (URISyntaxException e) {
      uri = null;
    }
    String scheme = uri == null ? null : lower(uri.getScheme());
    if (uri == null
        || !("http".equals(scheme) || "https".equals(scheme))
        || uri.getHost() == null) {
      return Optional.of(
          "base_url must be an absolute http(s) URL such as http://127.0.0.1:11434 or"
              + " https://api.openai.com/v1, got '"
              + baseUrl
              + "'");
    }
    if (uri.getRawUserInfo() != null) {
      return Optional.of(
          "base_url must not hold credentials: put the secret in credentials (e.g. api_key)");
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      return Optional.of("base_url must not have a query or fragment");
    }
    try {
      OutboundAddressGuard.check("base_url", uri.getHost());
      return Optional.empty();
    } catch (UnsafeDestinationException e) {
      return Optional.of(e.getMessage());
    }
  }

  private static List<String> entryProblems(String field, Map<String, String> entries, int max) {
    if (entries == null) {
      return List.of();
    }
    List<String> problems = new ArrayList<>();
    if (entries.size() > MAX_ENTRIES) {
      problems.add(field + " may hold at most " + MAX_ENTRIES + " entries");
    }
    entries.forEach(
        (name, value) -> {
          if (!NAME.matcher(name).matches()) {
            problems.add(
                field
                    + " names must start with a letter and hold only letters, digits and _ (at"
                    + " most 64), got '"
                    + name
                    + "'");
          } else if (value != null && value.isBlank()) {
            problems.add(field + "." + name + " must not be blank (null removes it)");
          } else if (value != null && value.length() > max) {
            problems.add(field + "." + name + " must be at most " + max + " characters");
          }
        });
    return problems;
  }

  private static String lower(String value) {
    return value == null ? null : value.toLowerCase(Locale.ROOT);
  }

  private static int port(URI uri) {
    if (uri.getPort() >= 0) {
      return uri.getPort();
    }
    return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }
}
