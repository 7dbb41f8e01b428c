/**
 * Rotation of stored secrets: the admin re-encrypt command, and the encryption of plaintext secrets
 * left by an older version at start-up.
 */
package dev.argus.api.secrets;
