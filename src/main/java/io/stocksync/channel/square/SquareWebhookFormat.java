package io.stocksync.channel.square;

import io.stocksync.channel.ChannelType;
import io.stocksync.channel.webhook.ChannelEvent;
import io.stocksync.channel.webhook.Signatures;
import io.stocksync.channel.webhook.WebhookFormat;
import io.stocksync.channel.webhook.WebhookJson;
import io.stocksync.channel.webhook.WebhookRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Square webhooks: x-square-hmacsha256-signature is base64(HMAC-SHA256(notification URL + raw body, signature
 * key)). The URL is the one the subscription was created with (the channel's configuration), never rebuilt from the
 * Host header, which a proxy rewrites; without it nothing verifies.
 */
@ApplicationScoped
public class SquareWebhookFormat implements WebhookFormat {

  @Override
  public ChannelType type() {
    return ChannelType.SQUARE;
  }

  @Override
  public boolean verify(WebhookRequest request, List<String> secrets) {
    if (request.notificationUrl() == null || request.notificationUrl().isBlank()) {
      return false;
    }
    byte[] url = Signatures.utf8(request.notificationUrl());
    return request.header("x-square-hmacsha256-signature")
        .flatMap(value -> Signatures.base64(value, "sha256="))
        .map(signature -> Signatures.signedByAny(Signatures.keys(secrets), signature, url, request.body()))
        .orElse(false);
  }

  @Override
  public String deliveryId(WebhookRequest request) {
    return new SquarePayload(WebhookJson.parse(request.body())).eventId();
  }

  @Override
  public ChannelEvent parse(WebhookRequest request) {
    return new SquarePayload(WebhookJson.parse(request.body())).event();
  }
}
