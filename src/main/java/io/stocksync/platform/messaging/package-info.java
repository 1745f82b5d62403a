/** What the broker says about our queues, for metrics, and the message groups every queue of ours uses. */
package io.stocksync.platform.messaging;
