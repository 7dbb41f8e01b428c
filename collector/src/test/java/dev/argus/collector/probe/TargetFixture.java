package dev.argus.collector.probe;

import dev.argus.contract.config.TargetConfig;
import java.time.Instant;
import java.util.List;

/** Builds {@link TargetConfig}s for tests: defaults as the api applies them, named changes. */
final class TargetFixture {

  private long id = 1;
  private String name = "target";
  private String type;
  private String address;
  private int checkIntervalSeconds = 60;
  private int failureThreshold = 3;
  private boolean enabled = true;
  private List<Integer> expectedStatusCodes = List.of();
  private String keyword;
  private Boolean followRedirects;
  private Boolean verifyTls;
  private Integer certExpiryWarningDays;
  private String dnsRecordType;
  private String dnsExpected;
  private Integer timeoutSeconds = 5;
  private Integer alertRepeatMinutes;
  private Instant acknowledgedAt;
  private String collectorId;

  private TargetFixture(String type, String address) {
    this.type = type;
    this.address = address;
  }

  static TargetFixture target(String type, String address) {
    return new TargetFixture(type, address);
  }

  TargetFixture id(long value) {
    id = value;
    return this;
  }

  TargetFixture name(String value) {
    name = value;
    return this;
  }

  TargetFixture address(String value) {
    address = value;
    return this;
  }

  TargetFixture everySeconds(int value) {
    checkIntervalSeconds = value;
    return this;
  }

  TargetFixture failureThreshold(int value) {
    failureThreshold = value;
    return this;
  }

  TargetFixture disabled() {
    enabled = false;
    return this;
  }

  TargetFixture expectedStatusCodes(Integer... codes) {
    expectedStatusCodes = List.of(codes);
    return this;
  }

  TargetFixture keyword(String value) {
    keyword = value;
    return this;
  }

  TargetFixture followRedirects(boolean value) {
    followRedirects = value;
    return this;
  }

  TargetFixture verifyTls(boolean value) {
    verifyTls = value;
    return this;
  }

  TargetFixture certExpiryWarningDays(int value) {
    certExpiryWarningDays = value;
    return this;
  }

  TargetFixture dnsRecordType(String value) {
    dnsRecordType = value;
    return this;
  }

  TargetFixture dnsExpected(String value) {
    dnsExpected = value;
    return this;
  }

  TargetFixture timeoutSeconds(Integer value) {
    timeoutSeconds = value;
    return this;
  }

  TargetFixture alertRepeatMinutes(Integer value) {
    alertRepeatMinutes = value;
    return this;
  }

  TargetFixture acknowledgedAt(Instant value) {
    acknowledgedAt = value;
    return this;
  }

  TargetFixture collectorId(String value) {
    collectorId = value;
    return this;
  }

  TargetConfig build() {
    return new TargetConfig(
        id,
        name,
        type,
        address,
        checkIntervalSeconds,
        failureThreshold,
        enabled,
        "site-a",
        expectedStatusCodes,
        keyword,
        followRedirects,
        verifyTls,
        certExpiryWarningDays,
        dnsRecordType,
        dnsExpected,
        timeoutSeconds,
        alertRepeatMinutes,
        acknowledgedAt,
        collectorId);
  }
}
