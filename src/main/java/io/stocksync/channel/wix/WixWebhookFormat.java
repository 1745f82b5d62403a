package io.stocksync.channel.wix;

import io.stocksync.channel.ChannelType;
import io.stocksync.channel.webhook.ChannelEvent;
import io.stocksync.channel.webhook.MalformedWebhookException;
import io.stocksync.channel.webhook.WebhookFormat;
import io.stocksync.channel.webhook.WebhookRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Wix webhooks: the body is a JWT signed RS256 by Wix; the channel's "secret" is the app's public key (PEM, as the
 * Wix app dashboard shows it; two during a key change).
 */
@ApplicationScoped
public class WixWebhookFormat implements WebhookFormat {

  private final Clock clock;

  public WixWebhookFormat() {
    this(Clock.systemUTC());
  }

  public WixWebhookFormat(Clock clock) {
    this.clock = clock;
  }

  @Override
  public ChannelType type() {
    return ChannelType.WIX;
  }

  @Override
  public boolean verify(WebhookRequest request, List<String> secrets) {
    Optional<WixJwt> jwt = WixJwt.of(request.body());
    if (jwt.isEmpty()) {
      return false;
    }
    boolean signed = secrets.stream()
        .map(WixJwt::publicKey)
        .flatMap(Optional::stream)
        .anyMatch(jwt.get()::signedBy);
    return signed && jwt.get().liveAt(clock.instant());
  }

  /** The Wix event id, inside the token's nested payload. */
  @Override
  public String deliveryId(WebhookRequest request) {
    return payload(request).eventId();
  }

  @Override
  public ChannelEvent parse(WebhookRequest request) {
    return payload(request).event();
  }

  private static WixPayload payload(WebhookRequest request) {
    var jwt = WixJwt.of(request.body()).orElseThrow(() -> new MalformedWebhookException("body is not a JWT"));
    return WixPayload.of(jwt.claims());
  }
}
