package io.stocksync.catalog;

import java.util.UUID;

/** List filters: SKU prefix, only products at or below their low-stock threshold, only those on a channel. */
public record ProductFilter(String skuPrefix, boolean lowStockOnly, UUID channelId) {}
