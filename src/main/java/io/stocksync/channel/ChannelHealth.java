package io.stocksync.channel;

public enum ChannelHealth {
  CONNECTED, DEGRADED, DISCONNECTED
}
