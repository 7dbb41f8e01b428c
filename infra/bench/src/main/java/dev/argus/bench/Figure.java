package dev.argus.bench;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One measured figure, beside the reference measured in the same run on the same machine.
 *
 * @param scenario which scenario measured it
 * @param metric what was measured
 * @param value the absolute measurement
 * @param unit unit of {@code value} and {@code referenceValue}
 * @param reference what the reference is (e.g. a raw COPY), or null when a figure has none
 * @param referenceValue the reference's measurement, in the same unit
 * @param ratio value / referenceValue
 * @param target the target for this figure, in words, or null
 * @param met whether the target was met, or null when there is no target
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record Figure(
    String scenario,
    String metric,
    double value,
    String unit,
    String reference,
    Double referenceValue,
    Double ratio,
    String target,
    Boolean met) {

  static Figure absolute(String scenario, String metric, double value, String unit) {
    return new Figure(scenario, metric, value, unit, null, null, null, null, null);
  }

  static Figure against(
      String scenario,
      String metric,
      double value,
      String unit,
      String reference,
      double referenceValue) {
    double ratio = referenceValue == 0 ? Double.NaN : value / referenceValue;
    return new Figure(scenario, metric, value, unit, reference, referenceValue, ratio, null, null);
  }

  Figure withTarget(String target, boolean met) {
    return new Figure(scenario, metric, value, unit, reference, referenceValue, ratio, target, met);
  }
}
