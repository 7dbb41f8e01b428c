package dev.argus.api.system;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description served at {@code /openapi.json} and rendered at {@code /docs}. */
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
                    "Power telemetry (UPS and PDU snapshots, derived events, devices) and service"
                        + " health. Errors are JSON objects with a single \"detail\" field."));
  }
}
