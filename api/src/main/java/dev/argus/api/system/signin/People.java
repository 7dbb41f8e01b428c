package dev.argus.api.system.signin;

import java.util.Optional;

/**
 * The people who may be signed in, implemented by the users feature. A session holds only the
 * person's id; every request looks the person up again, so a role change, a disabled account or a
 * removed one takes effect at the person's next request, on every replica.
 */
public interface People {

  /** The person with this id while their account exists and is enabled. */
  Optional<Person> enabledPerson(long id);
}
