/**
 * Sync: pushes each changed product's level, max(0, on-hand - buffer), to every other channel it is mapped on.
 * The database holds what is pending (one flag per mapping however many changes: pushes coalesce); the broker
 * carries wake-ups per channel; failed pushes are parked with back-off and retried on a schedule, never dropped.
 */
package io.stocksync.sync;
