/**
 * The dead-letter queue for operators: messages that failed every delivery attempt (a poison webhook, a sync
 * wake-up that kept failing) can be listed and sent back to the queue they came from.
 */
package io.stocksync.deadletter;
