package io.stocksync.channel.push;

import io.stocksync.channel.ChannelType;
import java.util.List;
import java.util.Map;

/** Writes levels to one vendor's API, in as few calls as the vendor allows (batches where it has them). */
public interface StockWriter {

  ChannelType type();

  /**
   * Writes the levels; answers one outcome per push (keyed by externalId). Throws {@link ChannelCallException}
   * when the channel could not be reached or answered 5xx/429 for the whole call, so that fault tolerance
   * (retry, circuit breaker) sees the failure.
   */
  Map<String, PushOutcome> push(ChannelEndpoint endpoint, List<LevelPush> pushes);

  /** Reads the current levels of the given items (bulk, one call per page), keyed by externalId. */
  Map<String, Long> read(ChannelEndpoint endpoint, List<String> externalIds);
}
