/** What the broker says about our queues, for metrics. */
package io.stocksync.platform.messaging;
