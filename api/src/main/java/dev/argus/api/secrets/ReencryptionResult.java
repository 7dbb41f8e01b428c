package dev.argus.api.secrets;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * The answer of {@code POST /api/v1/admin/secrets/reencrypt}.
 *
 * @param keyId the key every stored secret is now encrypted with
 * @param reencrypted per table, how many secrets were rewritten (plaintext or an older key)
 */
public record ReencryptionResult(
    @JsonProperty("key_id") String keyId,
    @JsonProperty("reencrypted") Map<String, Integer> reencrypted) {}
