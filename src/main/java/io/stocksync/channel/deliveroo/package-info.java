/** Deliveroo: order events signed over the sequence GUID and the raw body (hex HMAC-SHA256); item availability written through the Menu API (Deliveroo knows available/unavailable only). */
package io.stocksync.channel.deliveroo;
