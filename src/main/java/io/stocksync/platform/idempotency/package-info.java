/**
 * Idempotency-Key on POST/PUT/PATCH/DELETE: the same key and body answer the first response again; the same key
 * with another body is refused (422).
 */
package io.stocksync.platform.idempotency;
