package dev.argus.contract.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class SecretKeyringTest {

  @Test
  void theFirstEntryIsTheNewestKey() {
    SecretKeyring keyring =
        SecretKeyring.parse(
            " 2026b:" + SecretCipherTest.randomKey() + " , 2026a:" + SecretCipherTest.randomKey());

    assertThat(keyring.newestKeyId()).isEqualTo("2026b");
    assertThat(keyring.key("2026a")).isNotNull();
    assertThat(keyring.toString()).isEqualTo("SecretKeyring[newest=2026b, keys=[2026b, 2026a]]");
  }

  @Test
  void aBareKeyGetsAStableIdFromItsCheckValue() {
    String key = SecretCipherTest.randomKey();

    String id = SecretKeyring.parse(key).newestKeyId();

    assertThat(id).matches("k[0-9a-f]{8}");
    assertThat(SecretKeyring.parse("other:" + SecretCipherTest.randomKey() + "," + key).key(id))
        .isNotNull();
  }

  @Test
  void aMissingSettingSaysHowToMakeOne() {
    assertThatThrownBy(() -> SecretKeyring.parse(" ", "argus.secrets.keys (ARGUS_SECRET_KEY)"))
        .isInstanceOf(InvalidSecretKeyException.class)
        .hasMessageStartingWith("argus.secrets.keys (ARGUS_SECRET_KEY) is not set")
        .hasMessageContaining("openssl rand -base64 32");
    assertThatThrownBy(() -> SecretKeyring.parse(null))
        .hasMessageStartingWith("ARGUS_SECRET_KEY is not set");
  }

  @Test
  void aKeyThatIsNot256BitsIsRefused() {
    String shortKey = Base64.getEncoder().encodeToString(new byte[16]);

    assertThatThrownBy(() -> SecretKeyring.parse("a:" + shortKey))
        .isInstanceOf(InvalidSecretKeyException.class)
        .hasMessageContaining("ARGUS_SECRET_KEY entry 1 of 1 is a 128-bit key")
        .hasMessageContaining("256-bit")
        .hasMessageNotContaining(shortKey);
  }

  @Test
  void malformedEntriesAreNamedByPositionWithoutTheirContent() {
    String good = SecretCipherTest.randomKey();

    assertThatThrownBy(() -> SecretKeyring.parse("a:" + good + ",b:not base64!"))
        .hasMessageContaining("entry 2 of 2 is not base64")
        .hasMessageNotContaining("not base64!");
    assertThatThrownBy(() -> SecretKeyring.parse("a:" + good + ","))
        .hasMessageContaining("entry 2 of 2 is empty");
    assertThatThrownBy(() -> SecretKeyring.parse("bad id:" + good))
        .hasMessageContaining("key id 'bad id'");
    assertThatThrownBy(
            () -> SecretKeyring.parse("a:" + good + ",a:" + SecretCipherTest.randomKey()))
        .hasMessageContaining("repeats the key id 'a'");
  }
}
