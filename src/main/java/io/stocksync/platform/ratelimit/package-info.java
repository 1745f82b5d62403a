/**
 * Per-tenant API rate limits by tier, counted in PostgreSQL so they hold across servers (see
 * docs/architecture.md for why not in memory).
 */
package io.stocksync.platform.ratelimit;
