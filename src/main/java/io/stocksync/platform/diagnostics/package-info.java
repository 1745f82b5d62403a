/**
 * Ops' synthetic round trip: REST -> Artemis (through the resource adapter) -> MDB -> PostgreSQL. A poison probe
 * proves the redelivery and dead-letter path of a deployment.
 */
package io.stocksync.platform.diagnostics;
