/** WooCommerce: webhooks signed with the webhook's secret (base64 HMAC-SHA256 in X-WC-Webhook-Signature); stock written through the REST API v3 products batch endpoint. */
package io.stocksync.channel.woocommerce;
