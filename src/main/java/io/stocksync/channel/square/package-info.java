/** Square: webhooks signed over the notification URL and the raw body (x-square-hmacsha256-signature). */
package io.stocksync.channel.square;
