package io.stocksync.platform.crypto;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The encryption keys, from "id1:base64key,id0:base64key" (32-byte AES keys). The first is the active key; the
 * others still decrypt what they sealed.
 */
final class KeyRing {

  record Key(String id, SecretKey secret) {}

  private final Map<String, Key> keys;
  private final Key active;

  private KeyRing(Map<String, Key> keys) {
    this.keys = keys;
    this.active = keys.isEmpty() ? null : keys.values().iterator().next();
  }

  static KeyRing parse(String spec) {
    var keys = new LinkedHashMap<String, Key>();
    for (String entry : spec.split(",")) {
      if (entry.isBlank()) {
        continue;
      }
      String[] parts = entry.trim().split(":", 2);
      if (parts.length != 2 || parts[0].isBlank() || parts[0].length() > 32) {
        throw new IllegalArgumentException("stocksync.crypto.keys entries are <id>:<base64 32-byte key>");
      }
      byte[] raw = Base64.getDecoder().decode(parts[1].trim());
      if (raw.length != 32) {
        throw new IllegalArgumentException("key " + parts[0] + " is " + raw.length + " bytes, not 32");
      }
      keys.put(parts[0], new Key(parts[0], new SecretKeySpec(raw, "AES")));
    }
    return new KeyRing(keys);
  }

  Key active() {
    if (active == null) {
      throw new IllegalStateException("no encryption key configured (stocksync.crypto.keys)");
    }
    return active;
  }

  Key byId(String id) {
    Key k = keys.get(id);
    if (k == null) {
      throw new IllegalStateException("encryption key " + id + " is no longer configured");
    }
    return k;
  }
}
