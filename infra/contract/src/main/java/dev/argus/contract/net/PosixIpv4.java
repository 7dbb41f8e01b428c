package dev.argus.contract.net;

/**
 * Reads a host the way the C library's {@code inet_aton} does: one to four parts, each decimal,
 * octal (leading 0) or hex (leading 0x), the last filling the remaining bytes, so {@code
 * 2852039166}, {@code 0xa9fea9fe}, {@code 0251.0376.0251.0376} and {@code 169.254.43518} are all
 * 169.254.169.254. Java's resolver reads only some of these forms and hands the rest to the system,
 * and {@code ping} reads them all: the guard judges this reading too, so no spelling of a refused
 * address slips through.
 */
final class PosixIpv4 {

  private PosixIpv4() {}

  /** The four bytes, or null when {@code host} is not a numeric IPv4 address in any form. */
  static byte[] parse(String host) {
    String[] parts = host.split("\\.", -1);
    if (parts.length > 4) {
      return null;
    }
    long[] values = new long[parts.length];
    for (int i = 0; i < parts.length; i++) {
      values[i] = part(parts[i]);
      if (values[i] < 0) {
        return null;
      }
    }
    long address = 0;
    for (int i = 0; i < parts.length - 1; i++) {
      if (values[i] > 0xff) {
        return null;
      }
      address |= values[i] << (8 * (3 - i));
    }
    long last = values[parts.length - 1];
    int lastBytes = 5 - parts.length;
    if (last >= 1L << (8 * lastBytes)) {
      return null;
    }
    address |= last;
    return new byte[] {
      (byte) (address >>> 24), (byte) (address >>> 16), (byte) (address >>> 8), (byte) address
    };
  }

  /** The part's value, or -1 when it is not a number of at most 32 bits. */
  private static long part(String text) {
    int radix = 10;
    String digits = text;
    if (text.length() > 2 && (text.startsWith("0x") || text.startsWith("0X"))) {
      radix = 16;
      digits = text.substring(2);
    } else if (text.length() > 1 && text.startsWith("0")) {
      radix = 8;
      digits = text.substring(1);
    }
    if (digits.isEmpty()) {
      return -1;
    }
    long value = 0;
    for (char c : digits.toCharArray()) {
      int digit = Character.digit(c, radix);
      if (digit < 0) {
        return -1;
      }
      value = value * radix + digit;
      if (value > 0xffff_ffffL) {
        return -1;
      }
    }
    return value;
  }
}
