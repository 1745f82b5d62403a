package io.stocksync.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A product of one tenant. On-hand changes only through {@link StockLedger}, which writes the movement. */
@Entity
@Table(name = "product")
public class Product {

  @Id
  private UUID id;

  @Column(name = "tenant_id", nullable = false)
  private UUID tenantId;

  @Column(nullable = false)
  private String sku;

  @Column(nullable = false)
  private String name;

  @Column(name = "on_hand", nullable = false)
  private long onHand;

  @Column(name = "low_stock_threshold")
  private Integer lowStockThreshold;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "updated_at", nullable = false)
  private OffsetDateTime updatedAt;

  @Version
  private long version;

  protected Product() {}

  public Product(UUID tenantId, String sku, String name, Integer lowStockThreshold) {
    this.id = UUID.randomUUID();
    this.tenantId = tenantId;
    this.sku = sku;
    this.name = name;
    this.lowStockThreshold = lowStockThreshold;
    this.createdAt = OffsetDateTime.now();
    this.updatedAt = createdAt;
  }

  public void rename(String newName) {
    name = newName;
    touch();
  }

  public void changeThreshold(Integer threshold) {
    lowStockThreshold = threshold;
    touch();
  }

  /** Moves on-hand by delta and answers the level before. Package-private: the ledger is the only caller. */
  long move(long delta) {
    long before = onHand;
    onHand = Math.addExact(onHand, delta);
    touch();
    return before;
  }

  private void touch() {
    updatedAt = OffsetDateTime.now();
  }

  public UUID id() {
    return id;
  }

  public UUID tenantId() {
    return tenantId;
  }

  public String sku() {
    return sku;
  }

  public String name() {
    return name;
  }

  public long onHand() {
    return onHand;
  }

  public Integer lowStockThreshold() {
    return lowStockThreshold;
  }

  public OffsetDateTime createdAt() {
    return createdAt;
  }

  public OffsetDateTime updatedAt() {
    return updatedAt;
  }

  public long version() {
    return version;
  }
}
