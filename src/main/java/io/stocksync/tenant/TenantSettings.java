package io.stocksync.tenant;

/** A tenant's settings; the defaults are those of SPEC.md. */
public record TenantSettings(int driftThreshold, int reconcileIntervalMinutes, int defaultLowStockThreshold,
    String notificationUrl) {

  public static final TenantSettings DEFAULTS = new TenantSettings(5, 15, 0, null);
}
