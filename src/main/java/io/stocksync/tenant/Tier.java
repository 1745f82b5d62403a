package io.stocksync.tenant;

/** What a tenant's plan allows. */
public enum Tier {
  FREE(100, 2, 60, 600, 1),
  STARTER(1_000, 4, 300, 3_000, 2),
  PRO(20_000, 10, 1_200, 30_000, 4),
  ENTERPRISE(500_000, 50, 6_000, 300_000, 8);

  private final int maxProducts;
  private final int maxChannels;
  private final int apiRequestsPerMinute;
  private final int webhooksPerMinute;
  private final int syncConcurrency;

  Tier(int maxProducts, int maxChannels, int apiRequestsPerMinute, int webhooksPerMinute, int syncConcurrency) {
    this.maxProducts = maxProducts;
    this.maxChannels = maxChannels;
    this.apiRequestsPerMinute = apiRequestsPerMinute;
    this.webhooksPerMinute = webhooksPerMinute;
    this.syncConcurrency = syncConcurrency;
  }

  public int maxProducts() {
    return maxProducts;
  }

  public int maxChannels() {
    return maxChannels;
  }

  public int apiRequestsPerMinute() {
    return apiRequestsPerMinute;
  }

  public int webhooksPerMinute() {
    return webhooksPerMinute;
  }

  public int syncConcurrency() {
    return syncConcurrency;
  }
}
