package dev.argus.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;

/**
 * The bootstrap admin key ({@code API_KEY}) of the local stack. Writes and every {@code /api/v1}
 * surface need a key, so a fresh local stack makes one rather than leaving the api open: it is
 * taken from the environment when set, else read from (or created in) {@code <data>/api-key},
 * readable by the owner only, so it stays the same across restarts.
 */
final class AdminKey {

  private static final String FILE = "api-key";

  private AdminKey() {}

  /** The key and where it came from, for the start-up message. */
  record Resolved(String key, String source) {}

  static Resolved resolve(Map<String, String> environment, Path dataDir) throws IOException {
    String fromEnv = environment.get("API_KEY");
    if (fromEnv != null && !fromEnv.isBlank()) {
      return new Resolved(fromEnv, "API_KEY");
    }
    Path file = dataDir.resolve(FILE);
    if (Files.exists(file)) {
      String stored = Files.readString(file, StandardCharsets.UTF_8).strip();
      if (stored.length() >= 32) {
        return new Resolved(stored, file.toString());
      }
    }
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    String key = "argus_local_" + HexFormat.of().formatHex(random);
    Files.writeString(file, key + "\n", StandardCharsets.UTF_8);
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException notPosix) {
      // Not a POSIX file system: the file keeps the default permissions.
    }
    return new Resolved(key, file + " (new)");
  }
}
