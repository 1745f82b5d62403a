/** Batch job webhook-delivery-purge: deletes finished deliveries older than the retention period. */
package io.stocksync.inbox.retention;
