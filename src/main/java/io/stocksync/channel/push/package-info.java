/**
 * Writing stock levels to the vendors' APIs. One {@link io.stocksync.channel.push.StockWriter} per vendor, in the
 * vendor's package, carrying MicroProfile Fault Tolerance (timeout, retry, circuit breaker, bulkhead).
 */
package io.stocksync.channel.push;
