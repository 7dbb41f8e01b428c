package dev.argus.api.system.tls;

import java.nio.file.Path;
import org.springframework.boot.web.server.ConfigurableWebServerFactory;
import org.springframework.boot.web.server.Ssl;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Gives Tomcat the PEM certificate and key of {@link TlsProperties} as Spring Boot's {@code
 * server.ssl} (the PEM form of its SSL bundles), after Boot's own customizer has applied {@code
 * server.*}.
 */
@Configuration(proxyBeanMethods = false)
class TlsConfiguration {

  @Bean
  @Order(Ordered.LOWEST_PRECEDENCE)
  WebServerFactoryCustomizer<ConfigurableWebServerFactory> tlsCustomizer(TlsProperties tls) {
    return factory -> {
      if (tls.enabled()) {
        Ssl ssl = new Ssl();
        ssl.setEnabled(true);
        ssl.setCertificate(location(tls.certificate()));
        ssl.setCertificatePrivateKey(location(tls.privateKey()));
        factory.setSsl(ssl);
      }
    };
  }

  /** A file path as a resource location; a bare path would be read from the class path. */
  private static String location(String path) {
    return Path.of(path).toAbsolutePath().toUri().toString();
  }
}
