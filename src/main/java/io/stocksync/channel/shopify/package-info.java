/** Shopify: webhooks signed with the app secret (base64 HMAC-SHA256 of the raw body in X-Shopify-Hmac-Sha256); stock written through the Admin GraphQL API with compare-and-set. */
package io.stocksync.channel.shopify;
