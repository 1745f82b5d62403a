package io.stocksync.catalog;

import java.util.Set;
import java.util.UUID;

/**
 * Fired inside the transaction that changed on-hand outside the Watcher (a manual adjustment), so that Sync
 * flags the products' channels in that same transaction. The catalog does not know who listens.
 *
 * @param sourceChannelId the channel the change came from (not pushed back to), or null for every channel
 */
public record StockChanged(UUID tenantId, Set<UUID> productIds, UUID sourceChannelId) {}
