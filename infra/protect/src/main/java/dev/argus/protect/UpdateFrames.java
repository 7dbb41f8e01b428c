package dev.argus.protect;

import dev.argus.protect.ProtectException.Kind;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Decodes one binary message of the updates websocket: an action frame and a data frame, each an
 * 8-byte header (packet type, payload format (1 = JSON), deflated flag, reserved, payload size;
 * big-endian) and its payload, zlib-deflated when the flag says so. Encodes them too, for the
 * loopback controller of the tests.
 *
 * <p>The action frame must be a JSON object. A data frame in another format (2 = UTF-8 text, 3 = a
 * buffer) carries nothing Argus reads; it decodes to an empty {@code data} map rather than failing,
 * so that a controller sending one does not cost the session its connection. Payloads are bounded
 * ({@link #MAX_PAYLOAD_BYTES} on the wire, {@link #MAX_INFLATED_BYTES} once inflated): a broken or
 * hostile stream cannot make the collector allocate without limit.
 */
public final class UpdateFrames {

  /** Packet types of the header's first byte. */
  static final int ACTION = 1;

  static final int DATA = 2;

  /** Payload formats of the header's second byte. */
  static final int JSON = 1;

  static final int UTF8 = 2;
  static final int BUFFER = 3;

  static final int HEADER_BYTES = 8;
  static final int MAX_PAYLOAD_BYTES = 8 << 20;
  static final int MAX_INFLATED_BYTES = 16 << 20;

  private static final JsonMapper JSON_MAPPER = JsonMapper.builder().build();
  private static final TypeReference<LinkedHashMap<String, Object>> OBJECT =
      new TypeReference<>() {};

  private UpdateFrames() {}

  public static ProtectUpdate decode(byte[] message) throws ProtectException {
    if (message == null) {
      throw bad("an empty message");
    }
    ByteBuffer buffer = ByteBuffer.wrap(message);
    Frame action = readFrame(buffer, ACTION, "action");
    Frame data = readFrame(buffer, DATA, "data");
    if (buffer.hasRemaining()) {
      throw bad(buffer.remaining() + " bytes after the data frame");
    }
    if (action.format != JSON) {
      throw bad("an action frame in payload format " + action.format + " (expected 1 = JSON)");
    }
    Map<String, Object> header = json(action.payload, "action");
    Map<String, Object> fields = data.format == JSON ? json(data.payload, "data") : Map.of();
    return new ProtectUpdate(
        text(header.get("action")),
        text(header.get("newUpdateId")),
        text(header.get("modelKey")),
        text(header.get("id")),
        fields);
  }

  /**
   * The binary message a controller sends for {@code update}: the action frame ({@code action},
   * {@code newUpdateId}, {@code modelKey}, {@code id}) and the data frame ({@code data}), both
   * JSON, both deflated or both plain.
   */
  public static byte[] encode(ProtectUpdate update, boolean deflated) {
    Map<String, Object> header = new LinkedHashMap<>();
    header.put("action", update.action());
    header.put("newUpdateId", update.newUpdateId());
    header.put("modelKey", update.modelKey());
    header.put("id", update.id());
    Map<String, Object> data = update.data() == null ? Map.of() : update.data();
    byte[] action = frame(ACTION, JSON, deflated, JSON_MAPPER.writeValueAsBytes(header));
    byte[] body = frame(DATA, JSON, deflated, JSON_MAPPER.writeValueAsBytes(data));
    return ByteBuffer.allocate(action.length + body.length).put(action).put(body).array();
  }

  /** One frame: the 8-byte header and {@code payload}, deflated first when asked. */
  static byte[] frame(int packetType, int format, boolean deflated, byte[] payload) {
    byte[] body = deflated ? deflate(payload) : payload;
    return ByteBuffer.allocate(HEADER_BYTES + body.length)
        .put((byte) packetType)
        .put((byte) format)
        .put((byte) (deflated ? 1 : 0))
        .put((byte) 0)
        .putInt(body.length)
        .put(body)
        .array();
  }

  private record Frame(int format, byte[] payload) {}

  private static Frame readFrame(ByteBuffer buffer, int expectedType, String name)
      throws ProtectException {
    if (buffer.remaining() < HEADER_BYTES) {
      throw bad("a truncated " + name + " frame header (" + buffer.remaining() + " bytes)");
    }
    int type = buffer.get();
    int format = buffer.get();
    int deflated = buffer.get();
    buffer.get(); // reserved
    int size = buffer.getInt();
    if (type != expectedType) {
      throw bad(
          "packet type " + type + " where the " + name + " frame (" + expectedType + ") was due");
    }
    if (format != JSON && format != UTF8 && format != BUFFER) {
      throw bad("payload format " + format + " in the " + name + " frame");
    }
    if (deflated != 0 && deflated != 1) {
      throw bad("deflated flag " + deflated + " in the " + name + " frame");
    }
    if (size < 0 || size > MAX_PAYLOAD_BYTES) {
      throw bad(a(name) + " frame of " + Integer.toUnsignedString(size) + " bytes (at most 8 MB)");
    }
    if (size > buffer.remaining()) {
      throw bad(
          "a truncated " + name + " frame (" + buffer.remaining() + " of " + size + " bytes)");
    }
    byte[] payload = new byte[size];
    buffer.get(payload);
    return new Frame(format, deflated == 1 ? inflate(payload, name) : payload);
  }

  private static byte[] inflate(byte[] deflated, String name) throws ProtectException {
    Inflater inflater = new Inflater();
    try {
      inflater.setInput(deflated);
      ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, deflated.length * 4));
      byte[] chunk = new byte[8192];
      while (!inflater.finished()) {
        int n = inflater.inflate(chunk);
        if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
          throw bad("a truncated deflated " + name + " payload");
        }
        if (out.size() + n > MAX_INFLATED_BYTES) {
          throw bad("a deflated " + name + " payload larger than 16 MB once inflated");
        }
        out.write(chunk, 0, n);
      }
      return out.toByteArray();
    } catch (DataFormatException e) {
      throw bad(a(name) + " payload that is not zlib data (" + e.getMessage() + ")");
    } finally {
      inflater.end();
    }
  }

  private static byte[] deflate(byte[] plain) {
    Deflater deflater = new Deflater();
    try {
      deflater.setInput(plain);
      deflater.finish();
      ByteArrayOutputStream out = new ByteArrayOutputStream(plain.length / 2 + 64);
      byte[] chunk = new byte[8192];
      while (!deflater.finished()) {
        out.write(chunk, 0, deflater.deflate(chunk));
      }
      return out.toByteArray();
    } finally {
      deflater.end();
    }
  }

  private static Map<String, Object> json(byte[] payload, String name) throws ProtectException {
    try {
      Map<String, Object> map = JSON_MAPPER.readValue(payload, OBJECT);
      if (map == null) {
        throw bad(a(name) + " frame that is JSON null");
      }
      return map;
    } catch (JacksonException e) {
      String start = new String(payload, 0, Math.min(payload.length, 60), StandardCharsets.UTF_8);
      throw bad(a(name) + " frame that is not a JSON object: " + start);
    }
  }

  private static String a(String name) {
    return (name.startsWith("a") ? "an " : "a ") + name;
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }

  private static ProtectException bad(String what) {
    return new ProtectException(Kind.BAD_ANSWER, "the updates stream sent " + what);
  }
}
