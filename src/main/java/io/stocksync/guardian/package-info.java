/** Guardian: per-tenant reconciliation of channel levels against on-hand, as a partitioned, restartable batch job. */
package io.stocksync.guardian;
