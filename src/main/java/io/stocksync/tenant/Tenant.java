package io.stocksync.tenant;

import io.stocksync.platform.problem.ProblemException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A shop. Its lifecycle rules live here: only an active tenant pauses, only a paused one resumes. */
@Entity
@Table(name = "tenant")
public class Tenant {

  @Id
  private UUID id;

  @Column(nullable = false)
  private String name;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Tier tier;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private TenantStatus status;

  @Column(name = "drift_threshold", nullable = false)
  private int driftThreshold;

  @Column(name = "reconcile_interval_minutes", nullable = false)
  private int reconcileIntervalMinutes;

  @Column(name = "default_low_stock_threshold", nullable = false)
  private int defaultLowStockThreshold;

  @Column(name = "notification_url")
  private String notificationUrl;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "updated_at", nullable = false)
  private OffsetDateTime updatedAt;

  @Version
  private long version;

  protected Tenant() {}

  public Tenant(String name, Tier tier, TenantSettings settings) {
    this.id = UUID.randomUUID();
    this.name = name;
    this.tier = tier;
    this.status = TenantStatus.ACTIVE;
    this.createdAt = OffsetDateTime.now();
    apply(settings);
  }

  public void rename(String newName) {
    this.name = newName;
    touch();
  }

  public void changeTier(Tier newTier) {
    this.tier = newTier;
    touch();
  }

  public void apply(TenantSettings s) {
    this.driftThreshold = s.driftThreshold();
    this.reconcileIntervalMinutes = s.reconcileIntervalMinutes();
    this.defaultLowStockThreshold = s.defaultLowStockThreshold();
    this.notificationUrl = s.notificationUrl();
    touch();
  }

  public void pause() {
    requireStatus(TenantStatus.ACTIVE, "pause");
    status = TenantStatus.PAUSED;
    touch();
  }

  public void resume() {
    requireStatus(TenantStatus.PAUSED, "resume");
    status = TenantStatus.ACTIVE;
    touch();
  }

  /** From here on nothing new comes in; the purge then removes the tenant's rows in batches. */
  void markDeleting() {
    if (!status.isLive()) {
      throw ProblemException.conflict("cannot delete a tenant that is " + status);
    }
    status = TenantStatus.DELETING;
    touch();
  }

  void markDeleted() {
    requireStatus(TenantStatus.DELETING, "finish deleting");
    status = TenantStatus.DELETED;
    touch();
  }

  private void requireStatus(TenantStatus expected, String action) {
    if (status != expected) {
      throw ProblemException.conflict("cannot " + action + " a tenant that is " + status);
    }
  }

  private void touch() {
    updatedAt = OffsetDateTime.now();
  }

  public UUID id() {
    return id;
  }

  public String name() {
    return name;
  }

  public Tier tier() {
    return tier;
  }

  public TenantStatus status() {
    return status;
  }

  public TenantSettings settings() {
    return new TenantSettings(driftThreshold, reconcileIntervalMinutes, defaultLowStockThreshold, notificationUrl);
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
