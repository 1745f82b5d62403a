/** The catalog as a CSV file: every product with its stock per channel, streamed so memory stays flat. */
package io.stocksync.catalog.export;
