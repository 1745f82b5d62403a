/** MicroProfile Health: readiness covers PostgreSQL (and the schema) and the broker. */
package io.stocksync.platform.health;
