/** WooCommerce: webhooks signed with the webhook's secret (base64 HMAC-SHA256 in X-WC-Webhook-Signature). */
package io.stocksync.channel.woocommerce;
