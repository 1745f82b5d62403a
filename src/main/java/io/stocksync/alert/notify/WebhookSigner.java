package io.stocksync.alert.notify;

import io.stocksync.channel.generic.StandardWebhookFormat;
import io.stocksync.channel.webhook.Signatures;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Signs outgoing notifications the Standard Webhooks way (standardwebhooks.com): webhook-signature is
 * "v1," + base64(HMAC-SHA256(key, webhook-id + "." + webhook-timestamp + "." + body)), where the key is the base64
 * text after "whsec_" in the tenant's secret. The same key decoding as our inbound verifier, so what we send is what
 * we would accept.
 */
public final class WebhookSigner {

  /** Standard Webhooks asks for 24 to 64 random bytes. */
  private static final int SECRET_BYTES = 32;
  private static final SecureRandom RANDOM = new SecureRandom();

  private WebhookSigner() {}

  /** A fresh secret, "whsec_" + base64 of 32 random bytes. */
  public static String newSecret() {
    byte[] key = new byte[SECRET_BYTES];
    RANDOM.nextBytes(key);
    return "whsec_" + Base64.getEncoder().encodeToString(key);
  }

  /**
   * The webhook-signature header value signed with each secret (current first, then any still in its grace period
   * after a rotation), space-separated: a receiver accepts the delivery when any one of them verifies.
   */
  public static String sign(List<String> secrets, String messageId, long timestamp, byte[] body) {
    return secrets.stream().map(s -> sign(s, messageId, timestamp, body)).collect(Collectors.joining(" "));
  }

  /** The webhook-signature header value for one delivery attempt. */
  public static String sign(String secret, String messageId, long timestamp, byte[] body) {
    byte[] key = StandardWebhookFormat.key(secret.strip())
        .orElseThrow(() -> new IllegalArgumentException("the notification secret is not usable"));
    byte[] mac = Signatures.hmacSha256(key, Signatures.utf8(messageId + "." + timestamp + "."), body);
    return "v1," + Base64.getEncoder().encodeToString(mac);
  }
}
