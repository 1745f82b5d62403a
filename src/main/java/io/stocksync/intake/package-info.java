/**
 * Webhook intake: verify the vendor's signature over the raw bytes, record the delivery in the inbox with an
 * atomic unique insert, answer fast, and hand the delivery to the Watcher through the broker (transactional
 * outbox: the inbox row is the truth, the message a wake-up that a sweeper re-sends if it was lost).
 */
package io.stocksync.intake;
