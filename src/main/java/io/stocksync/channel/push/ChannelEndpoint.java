package io.stocksync.channel.push;

import java.util.UUID;

/** Where and as whom to call a channel's API: its base URL and its decrypted credentials (never logged). */
public record ChannelEndpoint(UUID channelId, String baseUrl, String credentials) {

  @Override
  public String toString() {
    return "ChannelEndpoint[" + channelId + ", " + baseUrl + "]";
  }
}
