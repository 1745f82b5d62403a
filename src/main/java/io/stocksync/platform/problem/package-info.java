/** One error shape for the whole API: RFC 9457 problem details, a clear message, never a stack trace. */
package io.stocksync.platform.problem;
