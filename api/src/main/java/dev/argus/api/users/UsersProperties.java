package dev.argus.api.users;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The first admin, bound from {@code argus.users.*} (environment: ARGUS_ADMIN_PASSWORD,
 * ARGUS_ADMIN_PASSWORD_FILE). Checked at start-up: a password that would be refused at sign-up
 * stops the api.
 *
 * @param adminPassword the first admin's password; unset: a random one, written to the file
 * @param adminPasswordFile where a random first password is written (readable by its owner only)
 */
@ConfigurationProperties("argus.users")
public record UsersProperties(String adminPassword, String adminPasswordFile) {

  public UsersProperties {
    adminPassword = adminPassword == null || adminPassword.isEmpty() ? null : adminPassword;
    adminPasswordFile =
        adminPasswordFile == null || adminPasswordFile.isBlank() ? null : adminPasswordFile;
    if (adminPassword != null) {
      String problem = Credentials.passwordProblem("ARGUS_ADMIN_PASSWORD", adminPassword);
      if (problem != null) {
        throw new IllegalArgumentException(problem);
      }
    }
  }

  Path passwordFile() {
    return adminPasswordFile == null ? null : Path.of(adminPasswordFile);
  }

  @Override
  public String toString() {
    return "UsersProperties[adminPasswordFile=" + adminPasswordFile + "]";
  }
}
