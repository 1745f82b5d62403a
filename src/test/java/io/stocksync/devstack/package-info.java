/**
 * The embedded defaults: a real PostgreSQL (zonky's binaries) and a real Artemis broker (configured from
 * artemis-config/broker.xml), used by the run command (DevStack) and by the integration tests (teststack).
 */
package io.stocksync.devstack;
