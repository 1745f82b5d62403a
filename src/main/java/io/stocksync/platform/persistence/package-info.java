/**
 * Small pieces shared by the contexts' database access: native SQL helpers, and how to tell and wait out a
 * database outage.
 */
package io.stocksync.platform.persistence;
