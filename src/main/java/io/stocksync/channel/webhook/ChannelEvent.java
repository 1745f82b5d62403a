package io.stocksync.channel.webhook;

import java.time.Instant;
import java.util.List;

/**
 * What a delivery means for stock, in our terms.
 *
 * @param eventId the vendor's id of the event (de-duplication key)
 * @param kind what happened
 * @param occurredAt the vendor's time of the event (orders absolute levels: newer wins), or null if unknown
 * @param lines the products concerned
 */
public record ChannelEvent(String eventId, Kind kind, Instant occurredAt, List<Line> lines) {

  public enum Kind {
    /** Units sold: on-hand goes down by each line's quantity. */
    ORDER,
    /** An order cancelled: its units come back. */
    CANCEL,
    /** Units refunded (restocked): they come back. */
    REFUND,
    /** The channel reports an absolute available level per line. */
    LEVEL,
    /** A valid delivery that does not concern stock (a ping, an unrelated topic). */
    IGNORED
  }

  /**
   * One product of the event. externalId is the channel's id of the item as our mappings store it (when the
   * vendor sends it); sku lets the Watcher match by SKU when it does not; quantity is units moved (ORDER, CANCEL,
   * REFUND, always positive) or the absolute available level (LEVEL, may be negative for oversold items).
   * locationId is the channel's location the line counts at, when the vendor says (Square counts and Shopify
   * levels are per location; a mapping names the one location it syncs).
   */
  public record Line(String externalId, String sku, long quantity, String locationId) {

    public Line(String externalId, String sku, long quantity) {
      this(externalId, sku, quantity, null);
    }
  }

  public static ChannelEvent ignored(String eventId) {
    return new ChannelEvent(eventId, Kind.IGNORED, null, List.of());
  }
}
