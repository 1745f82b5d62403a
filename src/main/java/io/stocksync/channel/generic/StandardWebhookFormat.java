package io.stocksync.channel.generic;

import io.stocksync.channel.ChannelType;
import io.stocksync.channel.webhook.ChannelEvent;
import io.stocksync.channel.webhook.Signatures;
import io.stocksync.channel.webhook.WebhookFormat;
import io.stocksync.channel.webhook.WebhookJson;
import io.stocksync.channel.webhook.WebhookRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The Standard Webhooks format (standardwebhooks.com) for any system without a format of its own: webhook-signature
 * holds one or more space-separated "v1,base64(HMAC-SHA256(webhook-id.webhook-timestamp.body))", several so that the
 * sender can sign with an old and a new secret while they rotate. The body is described in {@link GenericPayload}.
 */
@ApplicationScoped
public class StandardWebhookFormat implements WebhookFormat {

  /** How far webhook-timestamp may be from our clock, either way, before a delivery counts as a replay. */
  public static final Duration TOLERANCE = Duration.ofMinutes(5);

  private static final String SECRET_PREFIX = "whsec_";
  private static final Pattern SECONDS = Pattern.compile("\\d{1,18}");

  private final Clock clock;

  public StandardWebhookFormat() {
    this(Clock.systemUTC());
  }

  public StandardWebhookFormat(Clock clock) {
    this.clock = clock;
  }

  @Override
  public ChannelType type() {
    return ChannelType.GENERIC;
  }

  @Override
  public boolean verify(WebhookRequest request, List<String> secrets) {
    var id = request.header("webhook-id").filter(value -> !value.isEmpty());
    var timestamp = request.header("webhook-timestamp").filter(value -> SECONDS.matcher(value).matches());
    var signatures = request.header("webhook-signature");
    if (id.isEmpty() || timestamp.isEmpty() || signatures.isEmpty() || !recent(timestamp.get())) {
      return false;
    }
    List<byte[]> keys = keys(secrets);
    byte[] prefix = Signatures.utf8(id.get() + "." + timestamp.get() + ".");
    boolean matched = false;
    for (String versioned : signatures.get().split("\\s+")) {
      // Other versions (v1a is the asymmetric scheme) are not ours to check.
      if (versioned.startsWith("v1,")) {
        matched |= Signatures.base64(versioned.substring(3))
            .map(signature -> Signatures.signedByAny(keys, signature, prefix, request.body()))
            .orElse(false);
      }
    }
    return matched;
  }

  @Override
  public String deliveryId(WebhookRequest request) {
    return request.header("webhook-id").filter(value -> !value.isEmpty())
        .orElseThrow(() -> WebhookJson.missing("webhook-id"));
  }

  @Override
  public ChannelEvent parse(WebhookRequest request) {
    return new GenericPayload(WebhookJson.parse(request.body()), deliveryId(request)).event();
  }

  private boolean recent(String timestamp) {
    long distance = Math.abs(clock.instant().getEpochSecond() - Long.parseLong(timestamp));
    return distance <= TOLERANCE.toSeconds();
  }

  /**
   * A "whsec_" secret is base64 of the key, as Standard Webhooks senders show it; any other secret is the key
   * itself (UTF-8), as a hand-configured sender would use it.
   */
  private static List<byte[]> keys(List<String> secrets) {
    return secrets.stream()
        .filter(Objects::nonNull)
        .map(String::strip)
        .filter(secret -> !secret.isEmpty())
        .flatMap(secret -> key(secret).stream())
        .toList();
  }

  /** The HMAC key of one secret: a "whsec_" secret decoded from base64, any other as UTF-8; empty if unusable. */
  public static Optional<byte[]> key(String secret) {
    if (!secret.startsWith(SECRET_PREFIX)) {
      return Optional.of(Signatures.utf8(secret));
    }
    try {
      byte[] key = Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length()));
      return key.length == 0 ? Optional.empty() : Optional.of(key);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
