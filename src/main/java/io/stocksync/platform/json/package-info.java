/** JSON-B settings for the API: strict input (unknown fields are errors), ISO dates. */
package io.stocksync.platform.json;
