package dev.argus.api.alerts;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.swagger.v3.oas.annotations.media.DiscriminatorMapping;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;

/**
 * One notification channel of {@code GET/PUT /api/alerts}, told apart by {@code type}. Every field
 * may be absent in a request; {@link AlertSettingsPolicy} fills defaults and checks what is
 * required. {@code name} identifies the provider in the delivery log, the cooldowns and the circuit
 * breakers; it defaults to the type, so two providers of one type need distinct names.
 */
@JsonTypeInfo(
    use = JsonTypeInfo.Id.NAME,
    include = JsonTypeInfo.As.PROPERTY,
    property = "type",
    // An unknown or missing type becomes UnknownProvider, so the answer is a 422 naming the
    // allowed types rather than a 400 for an unreadable body.
    defaultImpl = AlertProvider.Unknown.class,
    visible = true)
@JsonSubTypes({
  @JsonSubTypes.Type(value = AlertProvider.Webhook.class, name = "webhook"),
  @JsonSubTypes.Type(value = AlertProvider.Ntfy.class, name = "ntfy"),
  @JsonSubTypes.Type(value = AlertProvider.Gotify.class, name = "gotify"),
  @JsonSubTypes.Type(value = AlertProvider.Email.class, name = "email")
})
// The same names for the OpenAPI document, where each provider schema gets its own "type" value.
@Schema(
    discriminatorProperty = "type",
    discriminatorMapping = {
      @DiscriminatorMapping(value = "webhook", schema = AlertProvider.Webhook.class),
      @DiscriminatorMapping(value = "ntfy", schema = AlertProvider.Ntfy.class),
      @DiscriminatorMapping(value = "gotify", schema = AlertProvider.Gotify.class),
      @DiscriminatorMapping(value = "email", schema = AlertProvider.Email.class)
    })
sealed interface AlertProvider {

  String TYPES = "webhook, ntfy, gotify, email";

  String type();

  String name();

  Boolean enabled();

  @JsonProperty("min_severity")
  String minSeverity();

  /** POSTs the event as JSON to {@code url}, with optional extra headers (e.g. Authorization). */
  record Webhook(
      String name,
      Boolean enabled,
      @JsonProperty("min_severity") String minSeverity,
      String url,
      Map<String, String> headers)
      implements AlertProvider {
    @Override
    public String type() {
      return "webhook";
    }
  }

  /** POSTs to {@code server_url/topic} of an ntfy server; {@code token} is a bearer token. */
  record Ntfy(
      String name,
      Boolean enabled,
      @JsonProperty("min_severity") String minSeverity,
      @JsonProperty("server_url") String serverUrl,
      String topic,
      @Schema(nullable = true) String token)
      implements AlertProvider {
    @Override
    public String type() {
      return "ntfy";
    }
  }

  /** POSTs to {@code server_url/message} of a Gotify server with an application token. */
  record Gotify(
      String name,
      Boolean enabled,
      @JsonProperty("min_severity") String minSeverity,
      @JsonProperty("server_url") String serverUrl,
      @JsonProperty("app_token") String appToken)
      implements AlertProvider {
    @Override
    public String type() {
      return "gotify";
    }
  }

  /** Mails through an SMTP server; STARTTLS is required unless {@code starttls} is false. */
  record Email(
      String name,
      Boolean enabled,
      @JsonProperty("min_severity") String minSeverity,
      @JsonProperty("smtp_host") String smtpHost,
      @JsonProperty("smtp_port") Integer smtpPort,
      @Schema(nullable = true) String username,
      @Schema(nullable = true) String password,
      String from,
      List<String> to,
      Boolean starttls)
      implements AlertProvider {
    @Override
    public String type() {
      return "email";
    }
  }

  /** A provider whose type is missing or not one of {@link #TYPES}; never stored. */
  record Unknown(@JsonProperty("type") String givenType, String name) implements AlertProvider {
    @Override
    public String type() {
      return givenType;
    }

    @Override
    public Boolean enabled() {
      return false;
    }

    @Override
    public String minSeverity() {
      return null;
    }
  }
}
