/**
 * The Watcher: turns accepted webhook deliveries into stock movements (orders, cancellations, refunds, absolute
 * levels), exactly once, ignoring echoes of our own pushes and stale levels, and asks Sync to push the new level
 * to every other channel. A paused tenant's deliveries are parked and replayed in order on resume.
 */
package io.stocksync.watcher;
