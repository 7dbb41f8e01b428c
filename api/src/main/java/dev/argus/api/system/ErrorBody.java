package dev.argus.api.system;

/**
 * The body of every error response: {@code {"detail": "..."}}, as in the seed API.
 *
 * @param detail what went wrong and, where the client can act, what to do
 */
public record ErrorBody(String detail) {}
