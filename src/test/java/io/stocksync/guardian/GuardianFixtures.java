package io.stocksync.guardian;

import static org.awaitility.Awaitility.await;

import io.stocksync.channel.standin.GenericStandIn;
import io.stocksync.channel.standin.StandIn;
import io.stocksync.teststack.Sql;
import io.stocksync.teststack.TestTenant;
import jakarta.json.JsonObject;
import java.net.URI;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Tenants with products mapped on stand-in channels, and ways to run the Guardian and read its results. */
final class GuardianFixtures {

  private static final AtomicLong IDS = new AtomicLong(System.currentTimeMillis() % 1_000_000 * 1000);

  private GuardianFixtures() {}

  /** A product mapped on a channel: its ids and the external id the stand-in knows it by. */
  record Item(String productId, String mappingId, String externalId) {}

  /** A tenant with one channel on a stand-in. */
  record Shop(TestTenant tenant, String channelId, StandIn standIn, List<Item> items) {

    Item item(int i) {
      return items.get(i);
    }

    /** Maps {@code count} more products (on-hand given) on another stand-in channel. */
    Shop withChannel(String type, StandIn other, String credentials, int buffer, long onHand, int count) {
      String channel = tenant.channel(type, type + " " + IDS.incrementAndGet(), buffer, other.baseUrl(), credentials,
          "whsec-" + IDS.incrementAndGet());
      var more = new ArrayList<Item>();
      for (int i = 0; i < count; i++) {
        long id = IDS.incrementAndGet();
        String product = tenant.product("SKU-" + id, onHand);
        String external = Long.toString(id);
        more.add(new Item(product, tenant.mapping(product, channel, external), external));
        other.setLevel(external, Math.max(0, onHand - buffer));
      }
      return new Shop(tenant, channel, other, more);
    }
  }

  /**
   * A tenant whose {@code count} products (on-hand given) are mapped on a generic channel (buffer 0) at external
   * ids that sort in creation order; the stand-in shows the expected level for each, i.e. everything in sync.
   */
  static Shop shop(URI base, String name, GenericStandIn standIn, long onHand, int count) {
    var tenant = TestTenant.create(base, name, "ENTERPRISE");
    String channel = tenant.channel("GENERIC", "Generic", 0, standIn.baseUrl(), GenericStandIn.TOKEN,
        "whsec-" + IDS.incrementAndGet());
    long prefix = IDS.addAndGet(1000);
    var items = new ArrayList<Item>();
    for (int i = 0; i < count; i++) {
      String product = tenant.product("SKU-" + prefix + "-" + i, onHand);
      String external = String.format("g%d-%05d", prefix, i);
      items.add(new Item(product, tenant.mapping(product, channel, external), external));
      standIn.setLevel(external, onHand);
    }
    return new Shop(tenant, channel, standIn, items);
  }

  /** Starts a run through the API as the tenant's admin and waits until its job execution has ended. */
  static JsonObject runNow(Shop shop) {
    var started = shop.tenant().admin().post("api/v1/guardian/runs", "");
    if (started.status() != 202) {
      throw new AssertionError("run not started: " + started.status() + " " + started.body());
    }
    return awaitEnded(shop, started.json().getString("id"));
  }

  static JsonObject awaitEnded(Shop shop, String runId) {
    return await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300))
        .until(() -> shop.tenant().user().get("api/v1/guardian/runs/" + runId).json(),
            r -> !r.getString("state").matches("CLAIMED|RUNNING")
                && !r.getString("batchStatus", "").matches("STARTING|STARTED|STOPPING"));
  }

  static long count(String sql, Object... args) throws SQLException {
    return Sql.count(sql, args);
  }

  /** The first column of the first row as text, or null if there is no row. */
  static String text(String sql, Object... args) throws SQLException {
    return Sql.text(sql, args);
  }

  static void sql(String sql, Object... args) throws SQLException {
    Sql.update(sql, args);
  }
}
