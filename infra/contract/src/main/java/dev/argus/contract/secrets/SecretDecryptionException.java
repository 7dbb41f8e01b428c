package dev.argus.contract.secrets;

/**
 * A stored or received secret cannot be decrypted: its key id is not configured, the envelope is
 * malformed, or authentication failed (tampered, or bound to another field). The message names the
 * key id and the context, never the secret.
 */
public final class SecretDecryptionException extends RuntimeException {

  SecretDecryptionException(String message) {
    super(message);
  }

  SecretDecryptionException(String message, Throwable cause) {
    super(message, cause);
  }
}
