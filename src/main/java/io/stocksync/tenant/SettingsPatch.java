package io.stocksync.tenant;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

/** Settings as a request carries them: absent fields keep their current (or default) value. */
public record SettingsPatch(
    @Min(0) @Max(1_000_000) Integer driftThreshold,
    @Min(1) @Max(1440) Integer reconcileIntervalMinutes,
    @Min(0) @Max(1_000_000) Integer defaultLowStockThreshold,
    @Pattern(regexp = "https?://\\S{1,2000}", message = "must be an http(s) URL") String notificationUrl) {

  public TenantSettings over(TenantSettings base) {
    return new TenantSettings(
        driftThreshold != null ? driftThreshold : base.driftThreshold(),
        reconcileIntervalMinutes != null ? reconcileIntervalMinutes : base.reconcileIntervalMinutes(),
        defaultLowStockThreshold != null ? defaultLowStockThreshold : base.defaultLowStockThreshold(),
        notificationUrl != null ? notificationUrl : base.notificationUrl());
  }
}
