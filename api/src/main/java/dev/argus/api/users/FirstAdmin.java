package dev.argus.api.users;

import dev.argus.api.system.SchemaMigrated;
import dev.argus.api.system.signin.Role;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes the first admin, {@code admin}, once the schema is migrated and while there is no user at
 * all, so that someone can sign in and add the others. Its password is ARGUS_ADMIN_PASSWORD when
 * set; otherwise a random one, written to ARGUS_ADMIN_PASSWORD_FILE (readable by its owner only)
 * and never logged. Replicas starting together take an advisory lock, so one of them makes it and
 * the file holds the password that works.
 */
@Component
class FirstAdmin {

  static final String USERNAME = "admin";
  private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

  private final UserRepository users;
  private final PasswordEncoder passwords;
  private final UsersProperties properties;
  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;

  FirstAdmin(
      UserRepository users,
      PasswordEncoder passwords,
      UsersProperties properties,
      JdbcClient jdbc,
      TransactionTemplate transactions) {
    this.users = users;
    this.passwords = passwords;
    this.properties = properties;
    this.jdbc = jdbc;
    this.transactions = transactions;
  }

  @EventListener
  void schemaMigrated(SchemaMigrated event) {
    try {
      transactions.executeWithoutResult(status -> createIfNoUsers());
    } catch (RuntimeException e) {
      log.error("Could not create the first admin; retried at the next start", e);
    }
  }

  private void createIfNoUsers() {
    jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended('argus.first-admin', 0))")
        .query(Object.class)
        .single();
    if (users.count() > 0) {
      return;
    }
    String password = properties.adminPassword();
    Path file = properties.passwordFile();
    if (password == null && file == null) {
      log.warn(
          "No one can sign in: there is no user yet, and neither ARGUS_ADMIN_PASSWORD nor"
              + " ARGUS_ADMIN_PASSWORD_FILE is set. Set one and restart the api to create '{}'",
          USERNAME);
      return;
    }
    if (password == null) {
      password = randomPassword();
      write(file, password);
    }
    users.insert(USERNAME, passwords.encode(password), Role.ADMIN);
    if (properties.adminPassword() != null) {
      log.info("Created the first admin '{}' with the password of ARGUS_ADMIN_PASSWORD", USERNAME);
    } else {
      log.info(
          "Created the first admin '{}'; its password is in {} (readable by its owner only)",
          USERNAME,
          file.toAbsolutePath());
    }
  }

  /** 24 characters of URL-safe Base64: 144 random bits. */
  private static String randomPassword() {
    byte[] random = new byte[18];
    new SecureRandom().nextBytes(random);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
  }

  /**
   * Writes the password to a new file readable by its owner only, then moves it into place, so the
   * file never exists with wider rights or half written.
   */
  private static void write(Path file, String password) {
    try {
      Path dir = file.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      Path temp;
      try {
        temp =
            Files.createTempFile(
                dir,
                ".admin-password",
                ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } catch (UnsupportedOperationException notPosix) {
        temp = Files.createTempFile(dir, ".admin-password", ".tmp");
      }
      Files.writeString(temp, password + "\n", StandardCharsets.UTF_8);
      try {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (FileAlreadyExistsException | UnsupportedOperationException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot write the first admin's password to ARGUS_ADMIN_PASSWORD_FILE (" + file + ")", e);
    }
  }
}
