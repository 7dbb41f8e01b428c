package dev.argus.contract;

/**
 * The longest identifier a record on the wire may carry where it becomes a key in PostgreSQL (a
 * device, collector, event subject or reading id). Why a limit: a B-tree index entry holds at most
 * about 2.7 kB, so a longer id could never be stored, and a sink that met one would retry its batch
 * forever; refused when the record is read, it is dead-lettered with this reason instead. The api
 * allows 64 characters for the ids it manages, so the limit binds only on a broken or hostile
 * producer.
 */
public final class WireIds {

  public static final int MAX_LENGTH = 255;

  private WireIds() {}

  /**
   * @throws IllegalArgumentException naming the field when {@code value} is longer than {@link
   *     #MAX_LENGTH}
   */
  public static void requireStorable(String field, String value) {
    if (value != null && value.length() > MAX_LENGTH) {
      throw new IllegalArgumentException(
          field + " must be at most " + MAX_LENGTH + " characters, has " + value.length());
    }
  }
}
