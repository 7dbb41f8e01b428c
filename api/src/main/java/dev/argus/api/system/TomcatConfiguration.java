package dev.argus.api.system;

import org.apache.catalina.Container;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;

/**
 * The embedded Tomcat: errors it answers itself are JSON ({@link ContainerErrorReportValve}), and
 * slow clients are cut off ({@link HeaderDeadlineProtocol}, the body read timeout of {@link
 * HttpLimits}). Runs after Spring Boot's own Tomcat customizers, whose error valve it replaces.
 */
final class TomcatConfiguration
    implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

  private final HttpLimits limits;

  TomcatConfiguration(HttpLimits limits) {
    this.limits = limits;
  }

  @Override
  public void customize(TomcatServletWebServerFactory factory) {
    factory.setProtocol(HeaderDeadlineProtocol.class.getName());
    factory.addProtocolHandlerCustomizers(
        handler -> {
          if (handler instanceof HeaderDeadlineProtocol protocol) {
            protocol.setHeaderDeadline(limits.headerDeadline().toMillis());
            // Body reads get their own per-read timeout rather than connection-timeout's.
            protocol.setDisableUploadTimeout(false);
            protocol.setConnectionUploadTimeout((int) limits.bodyReadTimeout().toMillis());
          }
        });
    factory.addContextCustomizers(context -> useJsonErrorValve(context.getParent()));
  }

  /**
   * The host creates its error valve when it starts, from {@code errorReportValveClass}, unless one
   * is already there; Spring Boot adds a plain one beforehand, which is removed here.
   */
  private static void useJsonErrorValve(Container host) {
    if (host instanceof StandardHost standardHost) {
      standardHost.setErrorReportValveClass(ContainerErrorReportValve.class.getName());
    }
    host.addLifecycleListener(
        event -> {
          if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
            for (Valve valve : host.getPipeline().getValves()) {
              if (valve instanceof ErrorReportValve
                  && !(valve instanceof ContainerErrorReportValve)) {
                host.getPipeline().removeValve(valve);
              }
            }
          }
        });
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}
