package io.stocksync.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

/**
 * Seeds a benchmark tenant straight into PostgreSQL (generate_series: seconds, not hours of API calls). Products
 * go in shuffled so that SKU order is not the table's physical order, as in a real shop. Every product is on the
 * first channel, about two in three on the second, one in two on the third; one name in ten needs quoting; the
 * ledger gets the IMPORT movement that explains each on-hand.
 */
public final class BenchSeeder {

  private final String url;
  private final String user;
  private final String password;

  public BenchSeeder(String url, String user, String password) {
    this.url = url;
    this.user = user;
    this.password = password;
  }

  /** Channels must exist already (created through the API, which seals their secrets); ordered by name. */
  public void seed(UUID tenant, int products, String first, String second, String third) throws SQLException {
    try (Connection c = DriverManager.getConnection(url, user, password)) {
      seed(c, tenant, products, first, second, third);
    }
  }

  /** The same on a connection of the caller's (the integration tests' database). */
  public static void seed(Connection c, UUID tenant, int products, String first, String second, String third)
      throws SQLException {
    update(c, "INSERT INTO product (id, tenant_id, sku, name, on_hand, low_stock_threshold)"
        + " SELECT gen_random_uuid(), ?, 'BENCH-' || lpad(g::text, 7, '0'),"
        + " CASE WHEN g % 10 = 0 THEN 'Bench product ' || g || ', \"boxed\"' ELSE 'Bench product ' || g END,"
        + " g % 500, CASE WHEN g % 4 = 0 THEN 10 END"
        + " FROM generate_series(1, " + products + ") g ORDER BY random()", tenant);
    update(c, "INSERT INTO stock_movement (tenant_id, product_id, delta, on_hand_before, on_hand_after, reason)"
        + " SELECT tenant_id, id, on_hand, 0, on_hand, 'IMPORT' FROM product WHERE tenant_id = ?", tenant);
    map(c, tenant, first, "true");
    map(c, tenant, second, "p.on_hand % 3 <> 0");
    map(c, tenant, third, "p.on_hand % 2 = 0");
    try (var s = c.createStatement()) {
      s.execute("ANALYZE product");
      s.execute("ANALYZE channel_mapping");
    }
  }

  private static void map(Connection c, UUID tenant, String channelName, String which) throws SQLException {
    update(c, "INSERT INTO channel_mapping (id, tenant_id, product_id, channel_id, external_id,"
        + " last_pushed_level, last_pushed_at, last_reported_level, last_reported_at)"
        + " SELECT gen_random_uuid(), p.tenant_id, p.id, ch.id, ch.display_name || ':' || p.sku,"
        + " greatest(0, p.on_hand - ch.buffer_stock), now(), greatest(0, p.on_hand - ch.buffer_stock - p.on_hand % 3),"
        + " now() FROM product p JOIN channel ch ON ch.tenant_id = p.tenant_id AND ch.display_name = '"
        + channelName + "' WHERE p.tenant_id = ? AND " + which, tenant);
  }

  private static void update(Connection c, String sql, UUID tenant) throws SQLException {
    try (var ps = c.prepareStatement(sql)) {
      ps.setObject(1, tenant);
      ps.executeUpdate();
    }
  }
}
