package dev.argus.api.users;

import dev.argus.api.system.signin.People;
import dev.argus.api.system.signin.Person;
import dev.argus.api.system.signin.Role;
import dev.argus.api.system.signin.Sessions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.server.ResponseStatusException;

/**
 * People's accounts: creating, changing and removing them (never the last enabled admin, so that
 * someone can always manage the rest), and checking a password at sign-in.
 */
@Service
class UserService implements People {

  private final UserRepository users;
  private final PasswordEncoder passwords;
  private final Sessions sessions;
  private final TransactionTemplate transactions;

  /**
   * Compared against when the username is unknown, so that an unknown name takes as long to refuse
   * as a wrong password and the timing tells no one which names exist.
   */
  private final String decoyHash;

  UserService(
      UserRepository users,
      PasswordEncoder passwords,
      Sessions sessions,
      TransactionTemplate transactions) {
    this.users = users;
    this.passwords = passwords;
    this.sessions = sessions;
    this.transactions = transactions;
    byte[] random = new byte[16];
    new SecureRandom().nextBytes(random);
    this.decoyHash = passwords.encode(Base64.getEncoder().encodeToString(random));
  }

  @Override
  public Optional<Person> enabledPerson(long id) {
    return users
        .find(id)
        .map(UserRepository.StoredUser::user)
        .filter(User::enabled)
        .map(this::person);
  }

  /** The enabled person with this username and password; empty for any mismatch. */
  Optional<Person> authenticate(String username, String password) {
    Optional<UserRepository.StoredUser> stored =
        users.findByUsername(username.strip().toLowerCase(Locale.ROOT));
    String hash = stored.map(UserRepository.StoredUser::passwordHash).orElse(decoyHash);
    boolean matches = Credentials.fitsBcrypt(password) && passwords.matches(password, hash);
    if (stored.isEmpty() || !matches || !stored.get().user().enabled()) {
      return Optional.empty();
    }
    User user = stored.get().user();
    users.recordSignIn(user.id());
    return Optional.of(person(user));
  }

  List<User> all() {
    return users.all();
  }

  User create(NewUserRequest request) {
    rejectIf(Credentials.usernameProblem(request.username()));
    rejectIf(Credentials.passwordProblem("password", request.password()));
    Role role = role(request.role());
    try {
      return users.insert(request.username(), passwords.encode(request.password()), role);
    } catch (DuplicateKeyException e) {
      throw new ResponseStatusException(
          HttpStatus.CONFLICT, "username '" + request.username() + "' is taken");
    }
  }

  User change(long id, UserChangeRequest request) {
    Role newRole = request.role() == null ? null : role(request.role());
    if (request.password() != null) {
      rejectIf(Credentials.passwordProblem("password", request.password()));
    }
    String newHash = request.password() == null ? null : passwords.encode(request.password());
    User changed =
        transactions.execute(
            status -> {
              var stored = users.find(id).orElseThrow(() -> notFound(id));
              User user = stored.user();
              Role role = newRole == null ? user.role() : newRole;
              boolean enabled = request.enabled() == null ? user.enabled() : request.enabled();
              if (isEnabledAdmin(user) && !(role == Role.ADMIN && enabled)) {
                keepAnAdmin(user, "demote or disable");
              }
              users.update(id, role, enabled, newHash == null ? stored.passwordHash() : newHash);
              return users.find(id).orElseThrow().user();
            });
    if (!changed.enabled() || newHash != null) {
      // A disabled account, or a password that someone else may have known: out everywhere.
      sessions.endAllOf(changed.username());
    }
    return changed;
  }

  void delete(long id) {
    User removed =
        transactions.execute(
            status -> {
              User user = users.find(id).orElseThrow(() -> notFound(id)).user();
              if (isEnabledAdmin(user)) {
                keepAnAdmin(user, "remove");
              }
              users.delete(id);
              return user;
            });
    sessions.endAllOf(removed.username());
  }

  /** Changes a signed-in person's own password, after checking the current one. */
  boolean changeOwnPassword(Person person, PasswordChangeRequest request) {
    var stored = users.find(person.id()).orElseThrow(() -> notFound(person.id()));
    if (!Credentials.fitsBcrypt(request.currentPassword())
        || !passwords.matches(request.currentPassword(), stored.passwordHash())) {
      return false;
    }
    rejectIf(Credentials.passwordProblem("new_password", request.newPassword()));
    User user = stored.user();
    users.update(user.id(), user.role(), user.enabled(), passwords.encode(request.newPassword()));
    sessions.endAllOf(user.username());
    return true;
  }

  private void keepAnAdmin(User user, String change) {
    if (users.lockEnabledAdmins() <= 1) {
      throw new ResponseStatusException(
          HttpStatus.CONFLICT,
          "'"
              + user.username()
              + "' is the last enabled admin; make another user an admin before you "
              + change
              + " this one");
    }
  }

  private static boolean isEnabledAdmin(User user) {
    return user.role() == Role.ADMIN && user.enabled();
  }

  private Person person(User user) {
    return new Person(user.id(), user.username(), user.role());
  }

  private static Role role(String name) {
    try {
      return Role.fromWireName(name);
    } catch (IllegalArgumentException e) {
      throw new ResponseStatusException(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
    }
  }

  private static void rejectIf(String problem) {
    if (problem != null) {
      throw new ResponseStatusException(HttpStatus.UNPROCESSABLE_CONTENT, problem);
    }
  }

  private static ResponseStatusException notFound(long id) {
    return new ResponseStatusException(HttpStatus.NOT_FOUND, "user " + id + " not found");
  }
}
