/** Cursor pagination by key: stable while rows are inserted, limit capped. */
package io.stocksync.platform.paging;
