package io.stocksync.catalog;

import java.util.UUID;

/** Fired by the ledger inside the transaction that moved a product's on-hand (observers run in it). */
public record OnHandMoved(UUID tenantId, UUID productId, long before, long after) {}
