package io.stocksync.channel;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The bodies the channel API accepts. Secrets are write-only: accepted here, never returned. */
public final class ChannelRequests {

  private static final String URL = "https?://\\S{1,2000}";

  private ChannelRequests() {}

  public record Create(
      @NotNull ChannelType type,
      @NotBlank @Size(max = 200) String displayName,
      @Pattern(regexp = URL, message = "must be an http(s) URL") String apiBaseUrl,
      @Min(0) @Max(1_000_000) Integer bufferStock,
      @Size(max = 8192) String credentials,
      @Size(max = 1024) String webhookSecret) {}

  public record Update(
      @Size(min = 1, max = 200) String displayName,
      @Pattern(regexp = URL, message = "must be an http(s) URL") String apiBaseUrl,
      @Min(0) @Max(1_000_000) Integer bufferStock,
      @Size(min = 1, max = 8192) String credentials) {}

  /** A new webhook secret; the old one stays valid for graceSeconds (default one day). */
  public record RotateSecret(
      @NotBlank @Size(max = 1024) String webhookSecret,
      @Min(0) @Max(2_592_000) Integer graceSeconds) {}
}
