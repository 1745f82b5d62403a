/** Deliveroo: order events signed over the sequence GUID and the raw body (hex HMAC-SHA256). */
package io.stocksync.channel.deliveroo;
