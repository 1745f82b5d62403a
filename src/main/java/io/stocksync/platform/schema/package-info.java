/** Applies db-migrations/ (Flyway) at start-up and keeps trying until the database answers. */
package io.stocksync.platform.schema;
