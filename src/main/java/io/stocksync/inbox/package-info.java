/** The webhook inbox: every delivery a channel sent us, kept for replay for a configurable time. */
package io.stocksync.inbox;
