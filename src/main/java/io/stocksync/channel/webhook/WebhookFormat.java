package io.stocksync.channel.webhook;

import io.stocksync.channel.ChannelType;
import java.util.List;

/** One vendor's webhook format. Implementations are stateless CDI beans (@ApplicationScoped). */
public interface WebhookFormat {

  ChannelType type();

  /**
   * Whether the delivery is signed with one of the secrets (current first, then the previous one during a
   * rotation). Compares in constant time over the exact raw bytes.
   */
  boolean verify(WebhookRequest request, List<String> secrets);

  /**
   * The vendor's unique id of this delivery/event, for de-duplication (from a header or the body).
   *
   * @throws MalformedWebhookException when there is none
   */
  String deliveryId(WebhookRequest request);

  /**
   * What the delivery means.
   *
   * @throws MalformedWebhookException when the body is not what the vendor sends (400 for the sender)
   */
  ChannelEvent parse(WebhookRequest request);
}
