/**
 * The vendors' webhook formats: verify a delivery's signature over its raw bytes, name its de-duplication key,
 * and turn it into a {@link io.stocksync.channel.webhook.ChannelEvent}. One implementation per vendor, in the
 * vendor's package (io.stocksync.channel.shopify, ...).
 */
package io.stocksync.channel.webhook;
