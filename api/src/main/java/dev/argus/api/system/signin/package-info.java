/**
 * What the people's sign-in shares between the {@code users} feature (who the people are, their
 * passwords and roles) and the {@code security} feature (sessions, scopes, the access rules): the
 * roles, the signed-in {@link dev.argus.api.system.signin.Person}, and two interfaces, one
 * implemented by each side.
 */
package dev.argus.api.system.signin;
