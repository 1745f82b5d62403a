/** Any other system: the Standard Webhooks format (webhook-id, webhook-timestamp, webhook-signature). */
package io.stocksync.channel.generic;
