package dev.argus.api.alerts;

import dev.argus.api.system.ErrorBody;
import dev.argus.api.system.paging.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET/PUT /api/alerts}, {@code POST /api/alerts/test} and {@code GET
 * /api/alerts/deliveries}. Writes need a key (the gate in {@code security/}); secrets are never
 * returned.
 */
@RestController
@RequestMapping("/api/alerts")
@Tag(name = "alerts")
class AlertController {

  private final AlertSettingsRepository settings;
  private final DeliveryLog deliveries;
  private final AlertDispatcher dispatcher;
  private final TransactionTemplate transaction;

  AlertController(
      AlertSettingsRepository settings,
      DeliveryLog deliveries,
      AlertDispatcher dispatcher,
      TransactionTemplate transaction) {
    this.settings = settings;
    this.deliveries = deliveries;
    this.dispatcher = dispatcher;
    this.transaction = transaction;
  }

  @GetMapping
  @Operation(summary = "Alert providers and rules; secrets are shown as ********")
  AlertSettings get() {
    return AlertSettingsPolicy.masked(settings.load());
  }

  @PutMapping
  @Operation(
      summary = "Replace the alert settings",
      description =
          "A secret (token, app_token, password, credential-like header value) sent as ******** or"
              + " left out keeps the stored value of the provider with the same name and type;"
              + " an empty string clears it.")
  @ApiResponse(
      responseCode = "422",
      description = "Invalid settings or a forbidden provider address",
      content = @Content(schema = @Schema(implementation = ErrorBody.class)))
  AlertSettings put(@RequestBody AlertSettings requested) {
    AlertSettings saved =
        transaction.execute(
            status -> {
              AlertSettings accepted = AlertSettingsPolicy.accept(requested, settings.load());
              settings.save(accepted);
              return accepted;
            });
    return AlertSettingsPolicy.masked(saved);
  }

  @PostMapping("/test")
  @Operation(summary = "Send a test notification through every enabled provider, now")
  @ApiResponse(responseCode = "200", description = "One result per enabled provider")
  @ApiResponse(
      responseCode = "409",
      description = "No provider is enabled",
      content = @Content(schema = @Schema(implementation = ErrorBody.class)))
  List<AlertDispatcher.TestResult> test() {
    List<AlertDispatcher.TestResult> results = dispatcher.sendTest();
    if (results.isEmpty()) {
      throw new ResponseStatusException(
          HttpStatus.CONFLICT,
          "No alert provider is enabled; add or enable one with PUT /api/alerts first");
    }
    return results;
  }

  @GetMapping("/deliveries")
  @Operation(summary = "The delivery log, newest first")
  Page<Delivery> deliveries(
      @RequestParam(defaultValue = Page.DEFAULT_PAGE) @Min(value = 1, message = Page.PAGE_RULE)
          int page,
      @RequestParam(name = "page_size", defaultValue = Page.DEFAULT_PAGE_SIZE)
          @Min(value = 1, message = Page.PAGE_SIZE_RULE)
          @Max(value = Page.MAX_PAGE_SIZE, message = Page.PAGE_SIZE_RULE)
          int pageSize) {
    return deliveries.page(page, pageSize);
  }

  @ExceptionHandler(InvalidAlertSettingsException.class)
  @ResponseStatus(HttpStatus.UNPROCESSABLE_CONTENT)
  ErrorBody invalid(InvalidAlertSettingsException e) {
    return new ErrorBody(e.getMessage());
  }
}
