package dev.argus.api.system.signin;

/** A person who signed in, as the access rules and the {@code /api/v1/auth} routes see them. */
public record Person(long id, String username, Role role) {}
