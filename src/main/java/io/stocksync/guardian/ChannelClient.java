package io.stocksync.guardian;

import io.stocksync.channel.ChannelType;
import io.stocksync.channel.push.ChannelEndpoint;
import io.stocksync.channel.push.StockWriter;

/** A channel's fault-tolerant writer (the same bean Sync uses) and where and as whom to call it. */
public record ChannelClient(ChannelType type, StockWriter writer, ChannelEndpoint endpoint, int bufferStock) {}
