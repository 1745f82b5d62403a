package io.stocksync.channel.generic;

import static io.stocksync.channel.webhook.WebhookJson.integer;
import static io.stocksync.channel.webhook.WebhookJson.object;
import static io.stocksync.channel.webhook.WebhookJson.objects;
import static io.stocksync.channel.webhook.WebhookJson.optionalId;
import static io.stocksync.channel.webhook.WebhookJson.optionalInstant;
import static io.stocksync.channel.webhook.WebhookJson.optionalString;
import static io.stocksync.channel.webhook.WebhookJson.string;

import io.stocksync.channel.webhook.ChannelEvent;
import io.stocksync.channel.webhook.ChannelEvent.Kind;
import io.stocksync.channel.webhook.EventLines;
import jakarta.json.JsonObject;
import java.util.Map;

/**
 * Our generic body, in the payload shape Standard Webhooks recommends:
 *
 * <pre>
 * {"type": "order.created", "timestamp": "2026-03-01T10:15:30Z",
 *  "data": {"lines": [{"externalId": "A-1", "sku": "MUG-RED", "quantity": 2}]}}
 * </pre>
 *
 * <p>type: order.created (units sold), order.cancelled (units back), order.refunded (units restocked), stock.level
 * (quantity is the absolute available level, timestamp is when it was true); other types are not stock events. A
 * line needs externalId (string or integer) or sku.
 */
record GenericPayload(JsonObject body, String eventId) {

  private static final Map<String, Kind> KINDS = Map.of(
      "order.created", Kind.ORDER,
      "order.cancelled", Kind.CANCEL,
      "order.refunded", Kind.REFUND,
      "stock.level", Kind.LEVEL);

  ChannelEvent event() {
    Kind kind = KINDS.get(string(body, "type"));
    if (kind == null) {
      return ChannelEvent.ignored(eventId);
    }
    var lines = EventLines.of(kind);
    for (JsonObject line : objects(object(body, "data"), "lines")) {
      lines.add(optionalId(line, "externalId").orElse(null), optionalString(line, "sku").orElse(null),
          integer(line, "quantity"));
    }
    return lines.event(eventId, optionalInstant(body, "timestamp").orElse(null));
  }
}
