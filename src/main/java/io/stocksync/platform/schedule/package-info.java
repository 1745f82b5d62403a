/** Periodic in-server work on Liberty's managed executor, cancelled when the application stops. */
package io.stocksync.platform.schedule;
