package io.stocksync.channel.wix;

import io.stocksync.channel.webhook.MalformedWebhookException;
import io.stocksync.channel.webhook.WebhookJson;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * The compact JWT that is a Wix webhook's whole body, checked with the JDK alone: RS256 only (never "none" or an
 * HMAC algorithm chosen by the sender), signature over the first two segments exactly as received.
 */
record WixJwt(String header, String payload, byte[] signature) {

  static Optional<WixJwt> of(byte[] body) {
    String[] parts = new String(body, StandardCharsets.US_ASCII).strip().split("\\.", -1);
    if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(new WixJwt(parts[0], parts[1], Base64.getUrlDecoder().decode(parts[2])));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** The key of a PEM "PUBLIC KEY" block (or its bare base64); empty when the text is not an RSA public key. */
  static Optional<PublicKey> publicKey(String pem) {
    if (pem == null) {
      return Optional.empty();
    }
    String base64 = pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
    try {
      var spec = new X509EncodedKeySpec(Base64.getDecoder().decode(base64));
      return Optional.of(KeyFactory.getInstance("RSA").generatePublic(spec));
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      return Optional.empty();
    }
  }

  boolean signedBy(PublicKey key) {
    try {
      if (!"RS256".equals(WebhookJson.optionalString(decode(header, "JWT header"), "alg").orElse(null))) {
        return false;
      }
      var verifier = Signature.getInstance("SHA256withRSA");
      verifier.initVerify(key);
      verifier.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
      return verifier.verify(signature);
    } catch (GeneralSecurityException | MalformedWebhookException e) {
      return false;
    }
  }

  /** Whether the token's exp (seconds), when it has one, is not before now minus a minute of clock skew. */
  boolean liveAt(Instant now) {
    try {
      return WebhookJson.optionalInteger(claims(), "exp")
          .map(exp -> !Instant.ofEpochSecond(exp).plusSeconds(60).isBefore(now))
          .orElse(true);
    } catch (MalformedWebhookException e) {
      return false;
    }
  }

  JsonObject claims() {
    return decode(payload, "JWT payload");
  }

  private static JsonObject decode(String segment, String what) {
    try {
      return WebhookJson.parse(new String(Base64.getUrlDecoder().decode(segment), StandardCharsets.UTF_8), what);
    } catch (IllegalArgumentException e) {
      throw new MalformedWebhookException(what + " is not base64url");
    }
  }
}
