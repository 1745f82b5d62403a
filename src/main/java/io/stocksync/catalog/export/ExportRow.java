package io.stocksync.catalog.export;

/**
 * One product of the export. {@code levels} has one slot per channel, in column order; a slot stays null where
 * the product is not mapped on that channel.
 */
record ExportRow(String sku, String name, long onHand, Integer lowStockThreshold, ChannelLevels[] levels) {

  /** What a channel should show, what we last pushed to it, what it last reported. */
  record ChannelLevels(long expected, Long lastPushed, Long lastReported) {}
}
