/** X-Request-ID: accepted from the caller or generated, returned, and carried into logs and messages. */
package io.stocksync.platform.request;
