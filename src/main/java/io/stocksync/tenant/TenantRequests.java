package io.stocksync.tenant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The bodies the tenant API accepts. */
public final class TenantRequests {

  private TenantRequests() {}

  public record Create(@NotBlank @Size(max = 200) String name, @NotNull Tier tier, @Valid SettingsPatch settings) {}

  public record Update(@Size(min = 1, max = 200) String name, Tier tier, @Valid SettingsPatch settings) {}
}
