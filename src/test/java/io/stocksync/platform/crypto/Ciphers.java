package io.stocksync.platform.crypto;

/** A {@link SecretCipher} outside the container, for tests that seal or open what the server stores. */
public final class Ciphers {

  private Ciphers() {}

  /** A cipher over a key ring spec ("id:base64key,..."); the first key seals. */
  public static SecretCipher of(String keys) {
    var c = new SecretCipher();
    c.keys = keys;
    c.loadKeys();
    return c;
  }
}
