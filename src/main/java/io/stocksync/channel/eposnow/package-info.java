/**
 * Epos Now: no signed webhooks (its notifications are unsigned and carry no stock level), so its levels are polled
 * ({@code io.stocksync.watcher.EposNowPoller}); stock is read and written through the REST API v4 ProductStock
 * endpoints (HTTP Basic with the API device's key and secret, pages of 200 rows).
 */
package io.stocksync.channel.eposnow;
