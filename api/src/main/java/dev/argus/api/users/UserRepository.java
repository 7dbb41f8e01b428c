package dev.argus.api.users;

import dev.argus.api.system.signin.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code users} table. */
@Repository
class UserRepository {

  private static final String COLUMNS =
      "id, username, role, enabled, created_at, last_login_at, password_hash";

  /** A user with their password hash, which never leaves this package. */
  record StoredUser(User user, String passwordHash) {}

  private final JdbcClient jdbc;

  UserRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  List<User> all() {
    return jdbc.sql("SELECT " + COLUMNS + " FROM users ORDER BY id")
        .query((rs, row) -> user(rs))
        .list();
  }

  Optional<StoredUser> find(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE id = :id")
        .param("id", id)
        .query(UserRepository::stored)
        .optional();
  }

  Optional<StoredUser> findByUsername(String username) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE username = :username")
        .param("username", username)
        .query(UserRepository::stored)
        .optional();
  }

  long count() {
    return jdbc.sql("SELECT count(*) FROM users").query(Long.class).single();
  }

  User insert(String username, String passwordHash, Role role) {
    return jdbc.sql(
            "INSERT INTO users (username, password_hash, role) VALUES (:username, :hash, :role)"
                + " RETURNING "
                + COLUMNS)
        .param("username", username)
        .param("hash", passwordHash)
        .param("role", role.wireName())
        .query((rs, row) -> user(rs))
        .single();
  }

  /**
   * Locks the rows of the enabled admins until the transaction ends and counts them, so that two
   * concurrent changes cannot each leave one admin and together leave none.
   */
  int lockEnabledAdmins() {
    return jdbc.sql("SELECT id FROM users WHERE role = 'admin' AND enabled FOR UPDATE")
        .query(Long.class)
        .list()
        .size();
  }

  void update(long id, Role role, boolean enabled, String passwordHash) {
    jdbc.sql(
            "UPDATE users SET role = :role, enabled = :enabled, password_hash = :hash WHERE id ="
                + " :id")
        .param("id", id)
        .param("role", role.wireName())
        .param("enabled", enabled)
        .param("hash", passwordHash)
        .update();
  }

  void delete(long id) {
    jdbc.sql("DELETE FROM users WHERE id = :id").param("id", id).update();
  }

  void recordSignIn(long id) {
    jdbc.sql("UPDATE users SET last_login_at = now() WHERE id = :id").param("id", id).update();
  }

  private static StoredUser stored(ResultSet rs, int row) throws SQLException {
    return new StoredUser(user(rs), rs.getString("password_hash"));
  }

  private static User user(ResultSet rs) throws SQLException {
    OffsetDateTime lastLogin = rs.getObject("last_login_at", OffsetDateTime.class);
    return new User(
        rs.getLong("id"),
        rs.getString("username"),
        Role.fromWireName(rs.getString("role")),
        rs.getBoolean("enabled"),
        rs.getObject("created_at", OffsetDateTime.class).toInstant(),
        lastLogin == null ? null : lastLogin.toInstant());
  }
}
