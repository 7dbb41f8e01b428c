package dev.argus.api.protect;

import dev.argus.protect.Bootstrap;
import dev.argus.protect.ProtectClient;
import dev.argus.protect.ProtectConnectionTest;
import dev.argus.protect.ProtectEndpoint;
import dev.argus.protect.ProtectException;
import dev.argus.protect.ProtectTimeouts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Talks to controllers on request, through {@code infra/protect}: the connection test (log in, read
 * the bootstrap) and the live camera list. Both are bounded by {@link #WITHIN}, as the camera test
 * is. A test's failure is an answer ({@code success: false}); the camera list's is a 502 (the
 * controller refused or answered wrongly) or 504 (no answer in time) naming the reason.
 */
@Component
class ProtectConnections implements DisposableBean {

  static final Duration WITHIN = Duration.ofSeconds(10);

  /** How much longer than {@link #WITHIN} the api waits for a client that overruns it. */
  private static final Duration GRACE = Duration.ofSeconds(2);

  /** Login and bootstrap each get part of the limit, so that both fit in it. */
  private static final ProtectTimeouts TIMEOUTS =
      new ProtectTimeouts(
          Duration.ofSeconds(4), Duration.ofSeconds(5), Duration.ofSeconds(5), WITHIN);

  /** The test body: a create body's connection fields, or {@code controller_id} of a stored one. */
  static final Set<String> TEST_FIELDS =
      Set.of(
          "controller_id",
          "name",
          "host",
          "port",
          "username",
          "password",
          "verify_ssl",
          "enabled",
          "collector");

  private static final Logger log = LoggerFactory.getLogger(ProtectConnections.class);

  private final ProtectControllerService controllers;
  private final ProtectControllerRepository repository;
  private final JsonMapper json;
  private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

  ProtectConnections(
      ProtectControllerService controllers,
      ProtectControllerRepository repository,
      JsonMapper json) {
    this.controllers = controllers;
    this.repository = repository;
    this.json = json;
  }

  /**
   * Tests the body's controller. With {@code controller_id}, the stored controller with the body's
   * other fields over it, and its stored password unless the body sends one.
   */
  ProtectTestView test(JsonNode body) {
    ObjectNode request = ProtectControllerService.requireObject(body);
    List<String> problems =
        new ArrayList<>(ProtectControllerRules.unknownFields(request.propertyNames(), TEST_FIELDS));
    ObjectNode merged = request.deepCopy();
    String storedPassword = null;
    JsonNode controllerId = request.get("controller_id");
    if (controllerId != null && !controllerId.isNull()) {
      UUID id = uuid(controllerId);
      StoredProtectController stored = controllers.stored(id);
      ObjectNode base = json.valueToTree(stored.toRequest());
      request.properties().forEach(e -> base.set(e.getKey(), e.getValue()));
      merged = base;
      storedPassword = controllers.password(stored);
    }
    ProtectControllerRequest given = controllers.read(merged);
    ProtectControllerSettings settings = ProtectControllerRules.settle(given, false, problems);
    String password =
        given.password() != null && !given.password().isEmpty() ? given.password() : storedPassword;
    if (password == null) {
      problems.add(
          "password is required: the password of the controller's user (or controller_id of a"
              + " stored controller)");
    }
    ProtectControllerService.requireValid(problems);
    ProtectEndpoint endpoint =
        new ProtectEndpoint(
            settings.host(), settings.port(), settings.username(), password, settings.verifySsl());
    Future<ProtectTestView> running =
        threads.submit(() -> ProtectTestView.of(ProtectConnectionTest.run(endpoint, WITHIN)));
    try {
      return running.get(WITHIN.plus(GRACE).toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      running.cancel(true);
      return ProtectTestView.failure(
          "timeout: the controller did not answer within " + WITHIN.toSeconds() + " s");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof UnsupportedOperationException) {
        return ProtectTestView.failure("Protect connection tests are not available in this build");
      }
      log.warn("The Protect test of {} failed unexpectedly", endpoint, cause);
      return ProtectTestView.failure("the test failed: " + cause.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running.cancel(true);
      return ProtectTestView.failure("the test was interrupted");
    }
  }

  /** The stored controller's cameras from a fresh bootstrap, marked when already Argus cameras. */
  ProtectCameraList cameras(UUID id) {
    StoredProtectController stored = controllers.stored(id);
    ProtectControllerSettings s = stored.settings();
    ProtectEndpoint endpoint =
        new ProtectEndpoint(
            s.host(), s.port(), s.username(), controllers.password(stored), s.verifySsl());
    Bootstrap bootstrap = bootstrap(endpoint);
    Map<String, UUID> argus = new HashMap<>();
    for (ProtectControllerRepository.ArgusCamera camera : repository.cameras(id)) {
      argus.put(camera.protectCameraId(), camera.id());
    }
    List<ProtectCameraList.Item> items =
        bootstrap.cameras().stream()
            .map(
                c ->
                    new ProtectCameraList.Item(
                        c.id(),
                        c.name(),
                        c.type(),
                        c.state(),
                        c.doorbell(),
                        c.smartDetectTypes(),
                        argus.get(c.id())))
            .toList();
    return new ProtectCameraList(
        id, bootstrap.nvrName(), bootstrap.nvrVersion(), items, items.size());
  }

  private Bootstrap bootstrap(ProtectEndpoint endpoint) {
    Future<Bootstrap> running =
        threads.submit(
            () -> {
              try (ProtectClient client = new ProtectClient(endpoint, TIMEOUTS)) {
                return client.bootstrap();
              }
            });
    try {
      return running.get(WITHIN.plus(GRACE).toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      running.cancel(true);
      throw new ResponseStatusException(
          HttpStatus.GATEWAY_TIMEOUT,
          "The controller at "
              + endpoint.host()
              + ":"
              + endpoint.port()
              + " did not answer within "
              + WITHIN.toSeconds()
              + " s");
    } catch (ExecutionException e) {
      throw unreachable(endpoint, e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running.cancel(true);
      throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "interrupted");
    }
  }

  private static ResponseStatusException unreachable(ProtectEndpoint endpoint, Throwable cause) {
    String where = "The controller at " + endpoint.host() + ":" + endpoint.port();
    if (cause instanceof ProtectException protect) {
      HttpStatus status =
          protect.kind() == ProtectException.Kind.TIMEOUT
              ? HttpStatus.GATEWAY_TIMEOUT
              : HttpStatus.BAD_GATEWAY;
      String what =
          switch (protect.kind()) {
            case UNAUTHORIZED ->
                " refused the stored user name or password; change them with PUT"
                    + " /api/v1/protect/controllers/{id}";
            case TLS ->
                " failed the TLS handshake (with verify_ssl on, its certificate must be trusted)";
            case TIMEOUT -> " did not answer in time";
            case UNREACHABLE -> " cannot be reached";
            default -> " gave an answer that is not Protect's";
          };
      return new ResponseStatusException(status, where + what + ": " + protect.getMessage());
    }
    if (cause instanceof UnsupportedOperationException) {
      return new ResponseStatusException(
          HttpStatus.BAD_GATEWAY, "The Protect client is not available in this build");
    }
    log.warn("Reading the cameras of {} failed unexpectedly", endpoint, cause);
    return new ResponseStatusException(
        HttpStatus.BAD_GATEWAY, where + " could not be read: " + cause.getMessage());
  }

  private static UUID uuid(JsonNode value) {
    try {
      return UUID.fromString(value.asString());
    } catch (IllegalArgumentException e) {
      throw ProtectControllerService.unprocessable(
          "controller_id must be the UUID of a stored controller, got '" + value.asString() + "'");
    }
  }

  @Override
  public void destroy() {
    threads.shutdownNow();
  }
}
