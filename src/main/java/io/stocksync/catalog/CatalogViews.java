package io.stocksync.catalog;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** What the catalog API shows. */
public final class CatalogViews {

  private CatalogViews() {}

  public record ProductView(UUID id, String sku, String name, long onHand, Integer lowStockThreshold,
      OffsetDateTime createdAt, OffsetDateTime updatedAt, long version) {

    public static ProductView of(Product p) {
      return new ProductView(p.id(), p.sku(), p.name(), p.onHand(), p.lowStockThreshold(), p.createdAt(),
          p.updatedAt(), p.version());
    }
  }

  public record MappingView(UUID id, UUID productId, UUID channelId, String externalId, String externalLocationId,
      String externalVariantId, Long lastPushedLevel, OffsetDateTime lastPushedAt, Long lastReportedLevel,
      OffsetDateTime lastReportedAt, long version) {

    public static MappingView of(ChannelMapping m) {
      return new MappingView(m.id(), m.productId(), m.channelId(), m.externalId(), m.externalLocationId(),
          m.externalVariantId(), m.lastPushedLevel(), m.lastPushedAt(), m.lastReportedLevel(), m.lastReportedAt(),
          m.version());
    }
  }

  public record MovementView(long id, UUID productId, long delta, long onHandBefore, long onHandAfter,
      MovementReason reason, UUID sourceChannelId, String externalEventId, String correlationId,
      OffsetDateTime createdAt) {

    public static MovementView of(StockMovement m) {
      return new MovementView(m.id(), m.productId(), m.delta(), m.onHandBefore(), m.onHandAfter(), m.reason(),
          m.sourceChannelId(), m.externalEventId(), m.correlationId(), m.createdAt());
    }
  }

  /** A product's level on one channel: what it should show, what we last pushed, what it last reported. */
  public record ChannelStock(UUID channelId, String channelType, String channelName, UUID mappingId,
      String externalId, int bufferStock, long expected, Long lastPushed, OffsetDateTime lastPushedAt,
      Long lastReported, OffsetDateTime lastReportedAt) {}

  public record ProductStock(UUID productId, String sku, long onHand, List<ChannelStock> channels) {}
}
