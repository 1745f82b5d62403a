package io.stocksync.channel.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The HMAC-SHA256 signature schemes the vendors share: compute, decode the header, compare in constant time.
 * Comparisons are over decoded bytes, never over strings, so letter case of hex, padding and prefixes do not matter
 * and the time taken says nothing about how many bytes matched.
 */
public final class Signatures {

  private Signatures() {}

  /** HMAC-SHA256 of the parts, concatenated. */
  public static byte[] hmacSha256(byte[] key, byte[]... parts) {
    // SecretKeySpec rejects an empty key, yet WooCommerce lets a shop leave its secret empty. HMAC pads every key
    // with zeros to the block size, so the empty key and a single zero byte are the same key.
    byte[] usable = key.length == 0 ? new byte[1] : key;
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(usable, "HmacSHA256"));
      for (byte[] part : parts) {
        mac.update(part);
      }
      return mac.doFinal();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
    }
  }

  /** The UTF-8 keys of the configured secrets, skipping blank ones (a blank secret would let anyone sign). */
  public static List<byte[]> keys(List<String> secrets) {
    return secrets.stream().filter(Objects::nonNull).filter(s -> !s.isBlank()).map(Signatures::utf8).toList();
  }

  /** The UTF-8 keys of the configured secrets, an empty one included: for vendors that allow an empty secret. */
  public static List<byte[]> keysAllowingEmpty(List<String> secrets) {
    return secrets.stream().filter(Objects::nonNull).map(Signatures::utf8).toList();
  }

  /** Whether one of the keys signs the content with the given signature. */
  public static boolean signedByAny(List<byte[]> keys, byte[] signature, byte[]... content) {
    boolean matched = false;
    for (byte[] key : keys) {
      // No early exit: every key is tried, so the answer does not reveal which secret of a rotation matched.
      matched |= same(hmacSha256(key, content), signature);
    }
    return matched;
  }

  /** The bytes of a base64 signature header, after trimming and dropping any of the prefixes; empty if not base64. */
  public static Optional<byte[]> base64(String header, String... prefixes) {
    String value = normalise(header, prefixes);
    try {
      return value.isEmpty() ? Optional.empty() : Optional.of(Base64.getDecoder().decode(value));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** The bytes of a hex signature header (either case), after trimming and dropping any of the prefixes. */
  public static Optional<byte[]> hex(String header, String... prefixes) {
    String value = normalise(header, prefixes);
    try {
      return value.isEmpty() ? Optional.empty() : Optional.of(HexFormat.of().parseHex(value));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** Constant-time equality of two signatures; false when either is missing. */
  public static boolean same(byte[] expected, byte[] received) {
    return expected != null && received != null && MessageDigest.isEqual(expected, received);
  }

  public static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String normalise(String header, String... prefixes) {
    String value = header == null ? "" : header.strip();
    for (String prefix : prefixes) {
      if (value.regionMatches(true, 0, prefix, 0, prefix.length())) {
        return value.substring(prefix.length()).strip();
      }
    }
    return value;
  }
}
