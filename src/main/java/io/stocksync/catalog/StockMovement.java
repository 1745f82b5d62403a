package io.stocksync.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One entry of the append-only stock ledger. */
@Entity
@Table(name = "stock_movement")
public class StockMovement {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "tenant_id", nullable = false, updatable = false)
  private UUID tenantId;

  @Column(name = "product_id", nullable = false, updatable = false)
  private UUID productId;

  @Column(nullable = false, updatable = false)
  private long delta;

  @Column(name = "on_hand_before", nullable = false, updatable = false)
  private long onHandBefore;

  @Column(name = "on_hand_after", nullable = false, updatable = false)
  private long onHandAfter;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false)
  private MovementReason reason;

  // Mapped as text: EclipseLink 4.0 cannot read a NULL uuid column into a UUID attribute.
  @Column(name = "source_channel_id", updatable = false)
  private String sourceChannelId;

  @Column(name = "external_event_id", updatable = false)
  private String externalEventId;

  @Column(name = "correlation_id", updatable = false)
  private String correlationId;

  @Column(name = "created_at", nullable = false, updatable = false)
  private OffsetDateTime createdAt;

  protected StockMovement() {}

  StockMovement(Product product, long before, long delta, MovementReason reason, MovementSource source) {
    this.tenantId = product.tenantId();
    this.productId = product.id();
    this.onHandBefore = before;
    this.delta = delta;
    this.onHandAfter = before + delta;
    this.reason = reason;
    this.sourceChannelId = source.channelId() == null ? null : source.channelId().toString();
    this.externalEventId = source.externalEventId();
    this.correlationId = source.correlationId();
    this.createdAt = OffsetDateTime.now();
  }

  public Long id() {
    return id;
  }

  public UUID productId() {
    return productId;
  }

  public long delta() {
    return delta;
  }

  public long onHandBefore() {
    return onHandBefore;
  }

  public long onHandAfter() {
    return onHandAfter;
  }

  public MovementReason reason() {
    return reason;
  }

  public UUID sourceChannelId() {
    return sourceChannelId == null ? null : UUID.fromString(sourceChannelId);
  }

  public String externalEventId() {
    return externalEventId;
  }

  public String correlationId() {
    return correlationId;
  }

  public OffsetDateTime createdAt() {
    return createdAt;
  }
}
