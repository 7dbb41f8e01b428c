package dev.argus.api.system;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description served at {@code /openapi.json} (OpenAPI 3.1, springdoc's default) and
 * rendered at {@code /docs}. Controllers declare their own answers (201, 404, 409, ...); {@link
 * CommonResponses} adds the ones every operation or every protected operation may give, and {@link
 * ResponseSchemas} makes the response schemas exact (required and nullable fields, {@link
 * FlatSubtypes} for the alert providers). The api's integration tests validate every answer they
 * receive against this document.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

  @Bean
  OpenAPI argusOpenApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("Argus API")
                .version("0.1.0")
                .description(
                    "Power telemetry (UPS and PDU snapshots, derived events, devices), uptime"
                        + " targets, LLM monitoring, cameras and their events, alerts and service"
                        + " health. Errors are JSON objects with a \"detail\" field; on the"
                        + " camera, event, AI, system and Protect routes also \"status_code\"."))
        .components(
            new Components()
                .addSecuritySchemes(
                    CommonResponses.API_KEY_SCHEME,
                    new SecurityScheme()
                        .type(SecurityScheme.Type.APIKEY)
                        .in(SecurityScheme.In.HEADER)
                        .name("x-api-key")
                        .description(
                            "An API key; writes under /api and everything under /api/v1 need one,"
                                + " with the scope the operation names."))
                .addSecuritySchemes(
                    CommonResponses.SESSION_SCHEME,
                    new SecurityScheme()
                        .type(SecurityScheme.Type.APIKEY)
                        .in(SecurityScheme.In.COOKIE)
                        .name("ARGUS_SESSION")
                        .description(
                            "The session of a person signed in with POST /api/v1/auth/login; the"
                                + " role's scopes apply. Writes also need the X-XSRF-TOKEN"
                                + " header (the XSRF-TOKEN cookie's value).")));
  }

  @Bean
  CommonResponses commonResponses() {
    return new CommonResponses();
  }

  @Bean
  ResponseSchemas responseSchemas() {
    return new ResponseSchemas();
  }

  @Bean
  FlatSubtypes flatSubtypes() {
    return new FlatSubtypes();
  }

  @Bean
  AbsentWhenNull absentWhenNull() {
    return new AbsentWhenNull();
  }
}
