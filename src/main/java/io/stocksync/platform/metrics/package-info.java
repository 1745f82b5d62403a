/** Handles on MicroProfile Metrics for hot paths. */
package io.stocksync.platform.metrics;
