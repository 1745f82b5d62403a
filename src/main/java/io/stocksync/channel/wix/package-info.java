/** Wix: webhooks whose whole body is a JWT signed RS256 with the app's key pair. */
package io.stocksync.channel.wix;
