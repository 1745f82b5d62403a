package io.stocksync.channel;

public enum ChannelType {
  SHOPIFY, WOOCOMMERCE, SQUARE, DELIVEROO, WIX, EPOSNOW, GENERIC
}
