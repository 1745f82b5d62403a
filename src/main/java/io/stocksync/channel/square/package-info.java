/** Square: webhooks signed over the notification URL and the raw body (x-square-hmacsha256-signature); stock written as PHYSICAL_COUNT inventory changes through the Inventory API. */
package io.stocksync.channel.square;
