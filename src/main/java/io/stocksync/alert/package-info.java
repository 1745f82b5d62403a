/**
 * The Alert worker: raises LOW_STOCK, SYNC_FAILURE, CHANNEL_DOWN and DRIFT alerts (one open alert per key),
 * resolves them when their condition clears, lets tenants list, acknowledge and resolve them, and queues each
 * change for the tenant's notification URL.
 */
package io.stocksync.alert;
