package io.stocksync.watcher;

import io.stocksync.catalog.ChannelMapping;
import io.stocksync.catalog.MovementReason;
import io.stocksync.catalog.MovementSource;
import io.stocksync.catalog.Product;
import io.stocksync.catalog.StockLedger;
import io.stocksync.channel.Channel;
import io.stocksync.channel.webhook.ChannelEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Applies a channel's event to the ledger. Order lines move on-hand by their quantity; an absolute level sets
 * on-hand to level + the channel's buffer, unless it is older than the last level applied for that mapping
 * (webhooks arrive out of order) or exactly the level we last pushed there (our own echo). Answers the products
 * whose on-hand changed.
 */
@ApplicationScoped
public class EventApplier {

  private static final Logger LOG = Logger.getLogger(EventApplier.class.getName());

  @Inject
  ItemResolver items;

  @Inject
  StockLedger ledger;

  @Transactional(Transactional.TxType.MANDATORY)
  public Set<UUID> apply(Channel channel, ChannelEvent event, String requestId) {
    var source = new MovementSource(channel.id(), event.eventId(), requestId);
    return switch (event.kind()) {
      case ORDER -> moveAll(channel, event, -1, MovementReason.ORDER, source);
      case CANCEL -> moveAll(channel, event, 1, MovementReason.CANCEL, source);
      case REFUND -> moveAll(channel, event, 1, MovementReason.REFUND, source);
      case LEVEL -> setLevels(channel, event, source);
      case IGNORED -> Set.of();
    };
  }

  private Set<UUID> moveAll(Channel channel, ChannelEvent event, int sign, MovementReason reason,
      MovementSource source) {
    Map<Product, Long> deltas = new LinkedHashMap<>();
    for (var line : event.lines()) {
      items.product(channel, line).ifPresentOrElse(
          p -> deltas.merge(p, sign * line.quantity(), Long::sum),
          () -> LOG.info(() -> "event " + event.eventId() + ": no product for " + line + " on " + channel.id()));
    }
    var changed = new LinkedHashSet<UUID>();
    deltas.forEach((product, delta) -> {
      if (!ledger.alreadyMoved(product, source)) {
        ledger.move(product, delta, reason, source);
        changed.add(product.id());
      }
    });
    return changed;
  }

  private Set<UUID> setLevels(Channel channel, ChannelEvent event, MovementSource source) {
    var changed = new LinkedHashSet<UUID>();
    Instant at = event.occurredAt() != null ? event.occurredAt() : Instant.now();
    for (var line : event.lines()) {
      ChannelMapping mapping = items.mapping(channel, line).orElse(null);
      if (mapping == null) {
        LOG.info(() -> "event " + event.eventId() + ": no mapping for " + line + " on " + channel.id());
        continue;
      }
      if (mapping.lastReportedAt() != null && !at.isAfter(mapping.lastReportedAt().toInstant())) {
        continue; // older than what we already applied
      }
      boolean echo = mapping.lastPushedLevel() != null && mapping.lastPushedLevel() == line.quantity();
      items.recordReported(mapping, line.quantity(), at);
      if (echo) {
        continue;
      }
      var product = items.productOf(mapping);
      long target = line.quantity() + channel.bufferStock();
      if (product.onHand() != target && !ledger.alreadyMoved(product, source)) {
        ledger.setTo(product, target, MovementReason.CHANNEL_SET, source);
        changed.add(product.id());
      }
    }
    return changed;
  }
}
