package io.stocksync.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Links a product to its id on one channel, and remembers what we last pushed there and what it last reported. */
@Entity
@Table(name = "channel_mapping")
public class ChannelMapping {

  @Id
  private UUID id;

  @Column(name = "tenant_id", nullable = false)
  private UUID tenantId;

  @Column(name = "product_id", nullable = false)
  private UUID productId;

  @Column(name = "channel_id", nullable = false)
  private UUID channelId;

  @Column(name = "external_id", nullable = false)
  private String externalId;

  @Column(name = "external_location_id")
  private String externalLocationId;

  @Column(name = "external_variant_id")
  private String externalVariantId;

  @Column(name = "last_pushed_level")
  private Long lastPushedLevel;

  @Column(name = "last_pushed_at")
  private OffsetDateTime lastPushedAt;

  @Column(name = "last_reported_level")
  private Long lastReportedLevel;

  @Column(name = "last_reported_at")
  private OffsetDateTime lastReportedAt;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "updated_at", nullable = false)
  private OffsetDateTime updatedAt;

  @Version
  private long version;

  protected ChannelMapping() {}

  public ChannelMapping(UUID tenantId, UUID productId, UUID channelId, String externalId, String externalLocationId,
      String externalVariantId) {
    this.id = UUID.randomUUID();
    this.tenantId = tenantId;
    this.productId = productId;
    this.channelId = channelId;
    this.externalId = externalId;
    this.externalLocationId = externalLocationId;
    this.externalVariantId = externalVariantId;
    this.createdAt = OffsetDateTime.now();
    this.updatedAt = createdAt;
  }

  public void relink(String newExternalId, String newLocationId, String newVariantId) {
    externalId = newExternalId;
    externalLocationId = newLocationId;
    externalVariantId = newVariantId;
    updatedAt = OffsetDateTime.now();
  }

  public UUID id() {
    return id;
  }

  public UUID tenantId() {
    return tenantId;
  }

  public UUID productId() {
    return productId;
  }

  public UUID channelId() {
    return channelId;
  }

  public String externalId() {
    return externalId;
  }

  public String externalLocationId() {
    return externalLocationId;
  }

  /** The channel's variant id that its orders name (Shopify), when it differs from externalId; else null. */
  public String externalVariantId() {
    return externalVariantId;
  }

  public Long lastPushedLevel() {
    return lastPushedLevel;
  }

  public OffsetDateTime lastPushedAt() {
    return lastPushedAt;
  }

  public Long lastReportedLevel() {
    return lastReportedLevel;
  }

  public OffsetDateTime lastReportedAt() {
    return lastReportedAt;
  }

  public OffsetDateTime createdAt() {
    return createdAt;
  }

  public long version() {
    return version;
  }
}
