package io.stocksync.sync;

import io.stocksync.channel.ChannelType;
import io.stocksync.channel.push.StockWriter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** The stock writer of each channel type (every StockWriter bean registers itself by its type). */
@ApplicationScoped
public class StockWriters {

  private final Map<ChannelType, StockWriter> byType = new EnumMap<>(ChannelType.class);

  @Inject
  void collect(Instance<StockWriter> writers) {
    writers.forEach(w -> byType.put(w.type(), w));
  }

  public Optional<StockWriter> of(ChannelType type) {
    return Optional.ofNullable(byType.get(type));
  }
}
