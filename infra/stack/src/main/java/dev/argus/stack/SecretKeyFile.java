package dev.argus.stack;

import dev.argus.contract.secrets.SecretKeyring;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * The master key ({@code ARGUS_SECRET_KEY}) that the local stack's api and collector encrypt and
 * decrypt stored and published secrets with: taken from the environment when set, else read from
 * (or created in) {@code <data>/secret-key}, readable by the owner only, so that what one start
 * encrypted the next can read. A key is checked before any service starts, so a bad one is named at
 * once rather than in a child's log.
 */
final class SecretKeyFile {

  static final String FILE = "secret-key";

  private SecretKeyFile() {}

  /** The keys and where they came from, for the start-up message. */
  record Resolved(String keys, String source) {}

  static Resolved resolve(Map<String, String> environment, Path dataDir) throws IOException {
    String fromEnv = environment.get(SecretKeyring.SETTING);
    if (fromEnv != null && !fromEnv.isBlank()) {
      SecretKeyring.parse(fromEnv);
      return new Resolved(fromEnv.strip(), SecretKeyring.SETTING);
    }
    Path file = dataDir.resolve(FILE);
    if (!Files.exists(file)) {
      byte[] key = new byte[32];
      new SecureRandom().nextBytes(key);
      try {
        write(file, Base64.getEncoder().encodeToString(key));
        return new Resolved(
            Files.readString(file, StandardCharsets.UTF_8).strip(), file + " (new)");
      } catch (FileAlreadyExistsException anotherStartWasFaster) {
        // Fall through and read the one written meanwhile.
      }
    }
    String stored = Files.readString(file, StandardCharsets.UTF_8).strip();
    SecretKeyring.parse(stored, SecretKeyring.SETTING + " from " + file);
    return new Resolved(stored, file.toString());
  }

  /** Creates the file readable by the owner only before anything is written into it. */
  private static void write(Path file, String key) throws IOException {
    try {
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException notPosix) {
      Files.createFile(file);
    }
    Files.writeString(file, key + "\n", StandardCharsets.UTF_8);
  }
}
