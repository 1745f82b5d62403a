/** What the batch jobs' artifacts share: a chunk reader that reads keys a page at a time, in key order. */
package io.stocksync.platform.batch;
