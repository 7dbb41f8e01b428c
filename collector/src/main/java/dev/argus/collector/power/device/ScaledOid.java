package dev.argus.collector.power.device;

import java.util.regex.Pattern;

/**
 * An OID with the factor its raw value is multiplied by, written {@code OID} or {@code OID*factor}
 * in configuration: {@code 1.3.6.1.2.1.33.1.3.3.1.2*0.1} reads a value in 0.1 Hz as Hz, {@code
 * ...*60} minutes as seconds.
 */
public record ScaledOid(String oid, double scale) {

  private static final Pattern OID = Pattern.compile("\\d+(\\.\\d+){1,127}");

  public ScaledOid {
    if (oid == null || !OID.matcher(oid).matches()) {
      throw new IllegalArgumentException(
          "'" + oid + "' is not a numeric OID such as 1.3.6.1.2.1.33.1.2.4.0");
    }
    if (!Double.isFinite(scale) || scale == 0) {
      throw new IllegalArgumentException(
          "the factor of " + oid + " must be a non-zero number, was " + scale);
    }
  }

  /**
   * @param text {@code OID} or {@code OID*factor}; a leading dot is allowed ({@code .1.3.6...})
   */
  public static ScaledOid parse(String text) {
    String trimmed = text.trim();
    int star = trimmed.indexOf('*');
    String oid = (star < 0 ? trimmed : trimmed.substring(0, star)).trim();
    oid = oid.startsWith(".") ? oid.substring(1) : oid;
    if (star < 0) {
      return new ScaledOid(oid, 1);
    }
    String factor = trimmed.substring(star + 1).trim();
    try {
      return new ScaledOid(oid, Double.parseDouble(factor));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "the factor after '*' in '" + trimmed + "' is not a number", null);
    }
  }

  /** True for an OID ending in {@code .0}: a scalar instance, read with GET rather than walked. */
  public boolean isScalarInstance() {
    return oid.endsWith(".0");
  }

  @Override
  public String toString() {
    return scale == 1 ? oid : oid + "*" + scale;
  }
}
