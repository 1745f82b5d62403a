package io.stocksync.sync;

import io.stocksync.channel.ChannelType;
import java.util.UUID;

/**
 * What one push call to a channel came to, fired after its outcomes are recorded (outside any transaction), for
 * whoever watches channel health.
 *
 * @param refusal why the whole call failed, or NONE when the channel answered per item
 */
public record PushesSettled(UUID tenantId, UUID channelId, ChannelType channelType, int pushed, int failed,
    Refusal refusal) {

  public enum Refusal {
    NONE, FAILED, RATE_LIMITED, CREDENTIALS_REJECTED, BREAKER_OPEN
  }
}
