/** Small pieces shared by the contexts' native SQL. */
package io.stocksync.platform.persistence;
