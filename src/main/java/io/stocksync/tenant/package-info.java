/** Tenants (shops): tier and its limits, lifecycle (active, paused, deleted), settings. Platform admins manage them. */
package io.stocksync.tenant;
