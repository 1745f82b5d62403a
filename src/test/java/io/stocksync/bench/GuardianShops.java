package io.stocksync.bench;

import io.stocksync.channel.standin.ShopifyStandIn;
import io.stocksync.channel.standin.SquareStandIn;
import io.stocksync.channel.standin.StandIn;
import io.stocksync.channel.standin.WooCommerceStandIn;
import io.stocksync.teststack.TestTenant;
import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Guardian benchmark shops: tenants created through the platform API, each with Shopify, WooCommerce and Square
 * channels (buffer 0) on the benchmark JVM's stand-ins, which answer bulk reads 100 items a call as the vendors
 * do; products and mappings seeded with SQL (every product on all three channels). The stand-ins' levels equal the
 * expected level except for seeded drift: about 2 % of the mappings show 2 more (repaired), 1 % 20 more (DRIFT
 * alert), 1 % 3 fewer (an upward correction: waits for its second read, counted skipped).
 */
final class GuardianShops implements AutoCloseable {

  static final String[] CHANNELS = {"SHOPIFY", "WOOCOMMERCE", "SQUARE"};

  /** A seeded tenant and what a run of it should find. */
  record Shop(TestTenant tenant, int products, Drift drift) {}

  /** Seeded mappings by what the Guardian should do with them. */
  record Drift(long inSync, long repair, long alert, long awaitSecondRead) {

    Drift plus(Drift o) {
      return new Drift(inSync + o.inSync, repair + o.repair, alert + o.alert, awaitSecondRead + o.awaitSecondRead);
    }
  }

  final ShopifyStandIn shopify = new ShopifyStandIn();
  final WooCommerceStandIn woo = new WooCommerceStandIn();
  final SquareStandIn square = new SquareStandIn();
  private final URI app;
  private final Connection db;
  // Item ids are unique across tenants and runs: the stand-ins are shared by every tenant.
  private final long runBase = System.currentTimeMillis() % 1_000 * 1_000_000_000L;
  private final java.util.concurrent.atomic.AtomicLong nextBase = new java.util.concurrent.atomic.AtomicLong();

  GuardianShops(URI app, Connection db) {
    this.app = app;
    this.db = db;
  }

  /** Creates {@code tenants} shops of {@code products} products, eight API clients at a time. */
  List<Shop> create(String label, int tenants, int products) throws Exception {
    var pool = Executors.newFixedThreadPool(8);
    try {
      var calls = new ArrayList<Future<Connected>>();
      for (int t = 0; t < tenants; t++) {
        String name = label + " " + t + " " + Long.toString(runBase, 36);
        long base = runBase + nextBase.getAndAdd(3L * products + 3);
        calls.add(pool.submit((Callable<Connected>) () -> connect(name, base)));
      }
      var shops = new ArrayList<Shop>();
      for (var call : calls) {
        shops.add(seed(call.get(), products));
      }
      return shops;
    } finally {
      pool.shutdownNow();
    }
  }

  /** A tenant and its channels (Shopify, WooCommerce, Square), created through the API. */
  private record Connected(TestTenant tenant, List<String> channels, long base) {}

  private Connected connect(String name, long base) {
    var tenant = TestTenant.create(app, name, "ENTERPRISE");
    return new Connected(tenant, List.of(
        tenant.channel("SHOPIFY", "Shopify", 0, shopify.baseUrl(), ShopifyStandIn.TOKEN, "shpss_" + base),
        tenant.channel("WOOCOMMERCE", "Woo", 0, woo.baseUrl(), WooCommerceStandIn.credentials(), "woo-" + base),
        tenant.channel("SQUARE", "Square", 0, square.baseUrl(), SquareStandIn.TOKEN, "sq-" + base)), base);
  }

  private Shop seed(Connected shop, int products) throws SQLException {
    var tenant = shop.tenant();
    var channels = shop.channels();
    long base = shop.base();
    sql("INSERT INTO product (id, tenant_id, sku, name, on_hand) SELECT gen_random_uuid(), ?, 'GB-' || g,"
        + " 'Guardian bench product ' || g, 100 + g % 50 FROM generate_series(0, " + (products - 1) + ") g",
        tenant.id());
    // A long interval: the scheduler must not start runs of its own while the benchmark measures its runs.
    sql("UPDATE tenant SET reconcile_interval_minutes = 1440 WHERE id = ?", tenant.id());
    String[] prefixes = {"", "", "SQ"};
    String[] locations = {ShopifyStandIn.LOCATION, null, SquareStandIn.LOCATION};
    for (int k = 0; k < 3; k++) {
      sql("INSERT INTO channel_mapping (id, tenant_id, product_id, channel_id, external_id, external_location_id,"
          + " last_pushed_level, last_pushed_at) SELECT gen_random_uuid(), p.tenant_id, p.id, ?::uuid, '"
          + prefixes[k] + "' || (" + base + " + 3 * substr(p.sku, 4)::bigint + " + k + "), "
          + (locations[k] == null ? "NULL" : "'" + locations[k] + "'") + ", p.on_hand, now() FROM product p"
          + " WHERE p.tenant_id = ?", UUID.fromString(channels.get(k)), tenant.id());
    }
    var drift = new Drift(0, 0, 0, 0);
    StandIn[] standIns = {shopify, woo, square};
    for (int g = 0; g < products; g++) {
      long expected = 100 + g % 50;
      for (int k = 0; k < 3; k++) {
        long shown = shown(g + k, expected);
        standIns[k].setLevel(prefixes[k] + (base + 3L * g + k), shown);
        drift = drift.plus(shown == expected ? new Drift(1, 0, 0, 0) : shown == expected + 2
            ? new Drift(0, 1, 0, 0) : shown == expected + 20 ? new Drift(0, 0, 1, 0) : new Drift(0, 0, 0, 1));
      }
    }
    return new Shop(tenant, products, drift);
  }

  /** What the channel shows for an item: usually the expected level, sometimes drifted. */
  static long shown(int n, long expected) {
    if (n % 50 == 7 || n % 50 == 32) {
      return expected + 2;
    }
    if (n % 97 == 11) {
      return expected + 20;
    }
    if (n % 100 == 23) {
      return expected - 3;
    }
    return expected;
  }

  private void sql(String sql, UUID... args) throws SQLException {
    try (var ps = db.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      ps.executeUpdate();
    }
  }

  @Override
  public void close() {
    shopify.close();
    woo.close();
    square.close();
  }
}
