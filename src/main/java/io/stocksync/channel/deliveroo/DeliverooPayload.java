package io.stocksync.channel.deliveroo;

import static io.stocksync.channel.webhook.WebhookJson.integer;
import static io.stocksync.channel.webhook.WebhookJson.object;
import static io.stocksync.channel.webhook.WebhookJson.objects;
import static io.stocksync.channel.webhook.WebhookJson.optionalId;
import static io.stocksync.channel.webhook.WebhookJson.optionalInstant;
import static io.stocksync.channel.webhook.WebhookJson.optionalObjects;
import static io.stocksync.channel.webhook.WebhookJson.optionalString;
import static io.stocksync.channel.webhook.WebhookJson.string;

import io.stocksync.channel.webhook.ChannelEvent;
import io.stocksync.channel.webhook.ChannelEvent.Kind;
import io.stocksync.channel.webhook.EventLines;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.Set;

/** One Deliveroo event ({"event": ..., "body": {"order": ...}}) in our terms. */
record DeliverooPayload(JsonObject body, String eventId) {

  /** An order that ends in one of these never left the kitchen: its units come back. */
  private static final Set<String> CALLED_OFF = Set.of("canceled", "cancelled", "rejected");

  ChannelEvent event() {
    String event = string(body, "event");
    if (!event.equals("order.new") && !event.equals("order.status_update")) {
      return ChannelEvent.ignored(eventId);
    }
    JsonObject order = object(object(body, "body"), "order");
    if (event.equals("order.new")) {
      return lines(order, Kind.ORDER).event(eventId, statusTime(order));
    }
    if (CALLED_OFF.contains(string(order, "status"))) {
      return lines(order, Kind.CANCEL).event(eventId, statusTime(order));
    }
    return ChannelEvent.ignored(eventId);
  }

  /**
   * The item's PLU (pos_item_id, the id the merchant gave it in the menu), else its id. Modifiers are left out: their
   * quantities are per unit of the parent and they are rarely stocked items.
   */
  private static EventLines lines(JsonObject order, Kind kind) {
    var lines = EventLines.of(kind);
    for (JsonObject item : objects(order, "items")) {
      String plu = optionalString(item, "pos_item_id").filter(id -> !id.isBlank())
          .or(() -> optionalId(item, "id")).orElse(null);
      lines.add(plu, null, integer(item, "quantity"));
    }
    return lines;
  }

  /** When the order reached its current status: the latest time in its status log. */
  private static Instant statusTime(JsonObject order) {
    return optionalObjects(order, "status_log").stream()
        .flatMap(entry -> optionalInstant(entry, "at").stream())
        .max(Instant::compareTo)
        .orElse(null);
  }
}
