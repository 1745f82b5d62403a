/**
 * The Watcher: turns accepted webhook deliveries into stock movements (orders, cancellations, refunds, absolute
 * levels), exactly once, ignoring echoes of our own pushes and stale levels, and asks Sync to push the new level
 * to every other channel. A paused tenant's deliveries are parked and replayed in order on resume; those beyond the
 * tier's webhooks per minute wait as DEFERRED for a later minute ({@link io.stocksync.watcher.WebhookAllowance},
 * {@link io.stocksync.watcher.DeferredDeliveries}).
 * Epos Now, which sends no usable webhooks, is polled instead ({@link io.stocksync.watcher.EposNowPoller}) and its
 * levels go through the same {@link io.stocksync.watcher.EventApplier}.
 */
package io.stocksync.watcher;
