package io.stocksync.platform.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SecretCipherTest {

  private static final String K1 = Base64.getEncoder().encodeToString(new byte[32]);
  private static final String K2 = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());

  private static SecretCipher cipher(String keys) {
    return Ciphers.of(keys);
  }

  @Test
  void resealMovesARetiredKeysCiphertextToTheActiveKeyAndLeavesCurrentOnesAlone() {
    byte[] old = cipher("k1:" + K1).encrypt("whsec", "t1/channel/c1/webhook_secret");
    var rotated = cipher("k2:" + K2 + ",k1:" + K1);
    byte[] resealed = rotated.reseal(old, "t1/channel/c1/webhook_secret");
    assertFalse(rotated.needsRotation(resealed));
    assertEquals("whsec", cipher("k2:" + K2).decrypt(resealed, "t1/channel/c1/webhook_secret"), "k1 not needed");
    assertTrue(resealed == rotated.reseal(resealed, "t1/channel/c1/webhook_secret"), "already current: same array");
    assertThrows(IllegalStateException.class, () -> rotated.reseal(old, "t2/channel/c1/webhook_secret"));
  }

  @Test
  void sealsAndOpensInTheSameContext() {
    var c = cipher("k1:" + K1);
    byte[] box = c.encrypt("shpat_secret", "t1/channel/c1/credentials");
    assertFalse(new String(box, StandardCharsets.ISO_8859_1).contains("shpat_secret"));
    assertEquals("shpat_secret", c.decrypt(box, "t1/channel/c1/credentials"));
  }

  @Test
  void aCiphertextMovedToAnotherRowOrTenantDoesNotOpen() {
    var c = cipher("k1:" + K1);
    byte[] box = c.encrypt("shpat_secret", "t1/channel/c1/credentials");
    assertThrows(IllegalStateException.class, () -> c.decrypt(box, "t2/channel/c1/credentials"));
    assertThrows(IllegalStateException.class, () -> c.decrypt(box, "t1/channel/c1/webhook_secret"));
  }

  @Test
  void sameSecretSealsDifferentlyEachTime() {
    var c = cipher("k1:" + K1);
    assertFalse(java.util.Arrays.equals(c.encrypt("x", "ctx"), c.encrypt("x", "ctx")), "fresh IV");
  }

  @Test
  void rotationKeepsOldCiphertextsReadable() {
    byte[] old = cipher("k1:" + K1).encrypt("whsec", "ctx");
    var rotated = cipher("k2:" + K2 + ",k1:" + K1);
    assertEquals("whsec", rotated.decrypt(old, "ctx"));
    assertTrue(rotated.needsRotation(old));
    byte[] fresh = rotated.encrypt("whsec", "ctx");
    assertFalse(rotated.needsRotation(fresh));
    assertThrows(IllegalStateException.class, () -> cipher("k2:" + K2).decrypt(old, "ctx"), "k1 retired");
  }

  @Test
  void refusesMissingOrMalformedKeys() {
    assertThrows(IllegalStateException.class, () -> cipher("").encrypt("x", "ctx"));
    assertThrows(IllegalArgumentException.class, () -> cipher("k1:" + Base64.getEncoder().encodeToString(new byte[16])));
    assertThrows(IllegalArgumentException.class, () -> cipher("nokey"));
  }
}
