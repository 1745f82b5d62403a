/** What every context stands on: the REST application, schema migration, health and ops diagnostics. */
package io.stocksync.platform;
