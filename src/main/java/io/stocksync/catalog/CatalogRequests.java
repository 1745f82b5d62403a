package io.stocksync.catalog;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** The bodies the catalog API accepts. */
public final class CatalogRequests {

  static final long MAX_QUANTITY = 1_000_000_000L;

  private CatalogRequests() {}

  public record CreateProduct(
      @NotBlank @Size(max = 100) @Pattern(regexp = "\\S(.*\\S)?", message = "must not start or end with a space")
          String sku,
      @NotBlank @Size(max = 500) String name,
      @Min(0) @Max(MAX_QUANTITY) Long onHand,
      @Min(0) @Max(MAX_QUANTITY) Integer lowStockThreshold) {}

  public record UpdateProduct(
      @Size(min = 1, max = 500) String name,
      @Min(0) @Max(MAX_QUANTITY) Integer lowStockThreshold) {}

  /** Either a delta or an absolute level (setTo), never both. */
  public record Adjustment(
      @Min(-MAX_QUANTITY) @Max(MAX_QUANTITY) Long delta,
      @Min(0) @Max(MAX_QUANTITY) Long setTo,
      @Size(max = 500) String note) {

    @AssertTrue(message = "give exactly one of delta and setTo")
    public boolean isExactlyOne() {
      return (delta == null) != (setTo == null);
    }
  }

  public record CreateMapping(
      @NotNull UUID productId,
      @NotNull UUID channelId,
      @NotBlank @Size(max = 200) String externalId,
      @Size(max = 200) String externalLocationId,
      @Size(max = 200) String externalVariantId) {}

  public record UpdateMapping(
      @NotBlank @Size(max = 200) String externalId,
      @Size(max = 200) String externalLocationId,
      @Size(max = 200) String externalVariantId) {}
}
