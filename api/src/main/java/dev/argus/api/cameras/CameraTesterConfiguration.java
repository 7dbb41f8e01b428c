package dev.argus.api.cameras;

import dev.argus.camera.source.CameraSources;
import dev.argus.camera.source.CameraTester;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The production camera tester of {@code infra/camera} (a test may add a {@code @Primary} one). */
@Configuration(proxyBeanMethods = false)
class CameraTesterConfiguration {

  /**
   * Looked up per test rather than at start-up, so the api starts even where the implementation
   * cannot be made (it then answers each test with {@code success: false}).
   */
  @Bean
  CameraTester cameraTester() {
    return (spec, within) -> CameraSources.tester().test(spec, within);
  }
}
