package io.stocksync.channel.webhook;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class SignaturesTest {

  private static final byte[] MESSAGE = Signatures.utf8("The quick brown fox jumps over the lazy dog");

  @Test
  void computesRfc4231TestCase2() {
    byte[] mac = Signatures.hmacSha256(Signatures.utf8("Jefe"), Signatures.utf8("what do ya want for nothing?"));
    assertEquals("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843", HexFormat.of().formatHex(mac));
  }

  @Test
  void computesRfc4231TestCase6WithAKeyLongerThanTheBlock() {
    byte[] key = new byte[131];
    Arrays.fill(key, (byte) 0xaa);
    byte[] data = Signatures.utf8("Test Using Larger Than Block-Size Key - Hash Key First");
    String expected = "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54";
    assertEquals(expected, HexFormat.of().formatHex(Signatures.hmacSha256(key, data)));
    assertEquals(expected, HexFormat.of().formatHex(VendorSigner.hmac(key, data)), "the tests' own HMAC");
  }

  @Test
  void anEmptyKeySignsLikeHmacDefinesIt() {
    assertEquals("b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad",
        HexFormat.of().formatHex(Signatures.hmacSha256(new byte[0], new byte[0])));
    assertArrayEquals(VendorSigner.hmac(new byte[0], MESSAGE), Signatures.hmacSha256(new byte[0], MESSAGE));
  }

  @Test
  void partsAreSignedAsOneMessage() {
    assertArrayEquals(Signatures.hmacSha256(Signatures.utf8("key"), MESSAGE),
        Signatures.hmacSha256(Signatures.utf8("key"), Signatures.utf8("The quick brown fox "),
            Signatures.utf8("jumps over the lazy dog")));
  }

  @Test
  void keysSkipBlankSecretsUnlessAnEmptyOneIsAllowed() {
    var secrets = Arrays.asList("current", "", "  ", null, "previous");
    assertEquals(2, Signatures.keys(secrets).size());
    assertEquals(4, Signatures.keysAllowingEmpty(secrets).size());
  }

  @Test
  void anyOfTheKeysMaySign() {
    byte[] signature = Signatures.hmacSha256(Signatures.utf8("previous"), MESSAGE);
    var keys = Signatures.keys(List.of("current", "previous"));
    assertTrue(Signatures.signedByAny(keys, signature, MESSAGE));
    assertFalse(Signatures.signedByAny(Signatures.keys(List.of("current")), signature, MESSAGE));
    assertFalse(Signatures.signedByAny(List.of(), signature, MESSAGE));
  }

  @Test
  void base64HeadersAreNormalised() {
    byte[] raw = {1, 2, 3, (byte) 250};
    String encoded = Base64.getEncoder().encodeToString(raw);
    assertArrayEquals(raw, Signatures.base64(encoded + "\n").orElseThrow());
    assertArrayEquals(raw, Signatures.base64("sha256=" + encoded, "sha256=").orElseThrow());
    assertArrayEquals(raw, Signatures.base64("SHA256=" + encoded, "sha256=").orElseThrow());
    assertArrayEquals(raw, Signatures.base64("v1," + encoded, "v1,").orElseThrow());
    assertTrue(Signatures.base64("not base64!").isEmpty());
    assertTrue(Signatures.base64("   ").isEmpty());
    assertTrue(Signatures.base64(null).isEmpty());
  }

  @Test
  void hexHeadersAreReadInEitherCase() {
    assertArrayEquals(new byte[] {(byte) 0xab, 0x01}, Signatures.hex("AB01\n").orElseThrow());
    assertArrayEquals(new byte[] {(byte) 0xab, 0x01}, Signatures.hex("sha256=ab01", "sha256=").orElseThrow());
    assertTrue(Signatures.hex("abc").isEmpty());
    assertTrue(Signatures.hex("zz").isEmpty());
  }

  @Test
  void comparisonIsOverBytesAndNullSafe() {
    assertTrue(Signatures.same(new byte[] {1, 2}, new byte[] {1, 2}));
    assertFalse(Signatures.same(new byte[] {1, 2}, new byte[] {1, 2, 3}));
    assertFalse(Signatures.same(null, new byte[] {1}));
    assertFalse(Signatures.same(new byte[] {1}, null));
  }
}
