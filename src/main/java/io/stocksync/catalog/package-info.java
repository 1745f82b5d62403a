/**
 * Products (on-hand is the single source of truth), their channel mappings, and the stock ledger that explains
 * every change to on-hand.
 */
package io.stocksync.catalog;
