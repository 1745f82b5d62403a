package io.stocksync.channel.deliveroo;

import io.stocksync.channel.ChannelType;
import io.stocksync.channel.webhook.ChannelEvent;
import io.stocksync.channel.webhook.Signatures;
import io.stocksync.channel.webhook.WebhookFormat;
import io.stocksync.channel.webhook.WebhookJson;
import io.stocksync.channel.webhook.WebhookRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Deliveroo order events (order.new, order.status_update): X-Deliveroo-Hmac-Sha256 is hex(HMAC-SHA256(sequence
 * GUID + " " + raw body, webhook secret)) with the GUID from X-Deliveroo-Sequence-Guid. The legacy POS webhooks
 * (new_order, cancel_order, signed with " \n ") are not supported.
 */
@ApplicationScoped
public class DeliverooWebhookFormat implements WebhookFormat {

  private static final String GUID = "X-Deliveroo-Sequence-Guid";

  @Override
  public ChannelType type() {
    return ChannelType.DELIVEROO;
  }

  @Override
  public boolean verify(WebhookRequest request, List<String> secrets) {
    var guid = request.header(GUID).filter(value -> !value.isEmpty());
    var signature = request.header("X-Deliveroo-Hmac-Sha256").flatMap(value -> Signatures.hex(value, "sha256="));
    if (guid.isEmpty() || signature.isEmpty()) {
      return false;
    }
    byte[] signed = Signatures.utf8(guid.get() + " ");
    return Signatures.signedByAny(Signatures.keys(secrets), signature.get(), signed, request.body());
  }

  @Override
  public String deliveryId(WebhookRequest request) {
    return request.header(GUID).filter(value -> !value.isEmpty()).orElseThrow(() -> WebhookJson.missing(GUID));
  }

  @Override
  public ChannelEvent parse(WebhookRequest request) {
    return new DeliverooPayload(WebhookJson.parse(request.body()), deliveryId(request)).event();
  }
}
