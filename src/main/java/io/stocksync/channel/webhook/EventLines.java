package io.stocksync.channel.webhook;

import io.stocksync.channel.webhook.ChannelEvent.Kind;
import io.stocksync.channel.webhook.ChannelEvent.Line;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects the lines of one event the same way for every vendor: blank ids and SKUs count as absent, a line with
 * neither cannot be matched to a product (a custom item, a tip) and is left out, as are moves of zero units.
 */
public final class EventLines {

  private final Kind kind;
  private final List<Line> lines = new ArrayList<>();

  private EventLines(Kind kind) {
    this.kind = kind;
  }

  public static EventLines of(Kind kind) {
    return new EventLines(kind);
  }

  /**
   * Adds units moved (ORDER, CANCEL, REFUND) or an absolute level (LEVEL).
   *
   * @throws MalformedWebhookException when units moved are negative
   */
  public EventLines add(String externalId, String sku, long quantity) {
    return add(externalId, sku, quantity, null);
  }

  /** The same, for a level or move the vendor counts at one of its locations. */
  public EventLines add(String externalId, String sku, long quantity, String locationId) {
    String id = blankToNull(externalId);
    String code = blankToNull(sku);
    if (kind != Kind.LEVEL && quantity < 0) {
      throw new MalformedWebhookException("quantity must not be negative: " + quantity + " for " + id);
    }
    if ((id != null || code != null) && (kind == Kind.LEVEL || quantity > 0)) {
      lines.add(new Line(id, code, quantity, blankToNull(locationId)));
    }
    return this;
  }

  /** The event, or IGNORED when no line concerns stock. */
  public ChannelEvent event(String eventId, Instant occurredAt) {
    return lines.isEmpty()
        ? ChannelEvent.ignored(eventId)
        : new ChannelEvent(eventId, kind, occurredAt, List.copyOf(lines));
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
