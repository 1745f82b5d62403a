/** Local HTTP servers (WireMock) that behave like the vendors' stock APIs, with controls for tests. */
package io.stocksync.channel.standin;
