package io.stocksync.platform.crypto;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Encrypts secrets with the ring's active key; decrypts with whichever key a ciphertext names, so keys rotate
 * without a big-bang re-encryption. The context (tenant, row, field) is authenticated data: a ciphertext copied
 * to another row or tenant does not decrypt.
 *
 * <p>Layout: version (1) | key id length (1) | key id | IV (12) | ciphertext + GCM tag (16).
 */
@ApplicationScoped
public class SecretCipher {

  private static final byte VERSION = 1;
  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  @Inject
  @ConfigProperty(name = "stocksync.crypto.keys", defaultValue = "")
  String keys;

  private KeyRing ring;

  @PostConstruct
  void loadKeys() {
    ring = KeyRing.parse(keys);
  }

  public byte[] encrypt(String plaintext, String context) {
    var key = ring.active();
    byte[] iv = new byte[IV_BYTES];
    RANDOM.nextBytes(iv);
    try {
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.ENCRYPT_MODE, key.secret(), new GCMParameterSpec(TAG_BITS, iv));
      c.updateAAD(context.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = c.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
      byte[] kid = key.id().getBytes(StandardCharsets.US_ASCII);
      return ByteBuffer.allocate(2 + kid.length + IV_BYTES + sealed.length)
          .put(VERSION).put((byte) kid.length).put(kid).put(iv).put(sealed).array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("encryption failed", e);
    }
  }

  public String decrypt(byte[] box, String context) {
    var buf = ByteBuffer.wrap(box);
    if (buf.get() != VERSION) {
      throw new IllegalStateException("unknown secret format");
    }
    byte[] kid = new byte[buf.get()];
    buf.get(kid);
    byte[] iv = new byte[IV_BYTES];
    buf.get(iv);
    byte[] sealed = new byte[buf.remaining()];
    buf.get(sealed);
    try {
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.DECRYPT_MODE, ring.byId(new String(kid, StandardCharsets.US_ASCII)).secret(),
          new GCMParameterSpec(TAG_BITS, iv));
      c.updateAAD(context.getBytes(StandardCharsets.UTF_8));
      return new String(c.doFinal(sealed), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("secret does not decrypt in this context", e);
    }
  }

  /**
   * The same secret sealed with the active key, or the very same array when it already is (so a re-run of the
   * re-encryption job changes nothing). Fails when the key it was sealed with has left the ring.
   */
  public byte[] reseal(byte[] box, String context) {
    return needsRotation(box) ? encrypt(decrypt(box, context), context) : box;
  }

  /** Whether a ciphertext was sealed with a key other than the active one (a candidate for re-encryption). */
  public boolean needsRotation(byte[] box) {
    byte[] kid = new byte[box[1]];
    System.arraycopy(box, 2, kid, 0, kid.length);
    return !ring.active().id().equals(new String(kid, StandardCharsets.US_ASCII));
  }
}
