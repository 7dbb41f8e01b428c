/**
 * Encryption of stored and published secrets (device passwords, provider tokens) with the key ring
 * of {@code ARGUS_SECRET_KEY}: the api encrypts, the collector decrypts.
 */
package dev.argus.contract.secrets;
