package io.stocksync.bench;

import io.stocksync.teststack.Api;
import io.stocksync.teststack.TestTenant;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.UUID;

/**
 * Benchmark command (not a test) for tenant delete, against the server of {@code mvn -Prun}: seeds a tenant
 * like the export benchmark (3 channels, ~2.2 mappings and an IMPORT movement per product) plus bench.movements
 * more ledger rows and one sync event per mapping, then deletes it through the platform API and times the
 * batched purge until the tenant reads DELETED. Prints the result and appends it to docs/benchmarks.md.
 *
 * <p>{@code mvn -q test-compile exec:java@bench-tenant-delete [-Dbench.products=100000]
 * [-Dbench.movements=2] [-Dbench.note="..."]}
 */
public final class TenantDeleteBenchmark {

  private TenantDeleteBenchmark() {}

  public static void main(String[] args) throws Exception {
    URI app = URI.create(System.getProperty("bench.url", "http://127.0.0.1:9080/stocksync/"));
    int products = Integer.getInteger("bench.products", 100_000);
    int movements = Integer.getInteger("bench.movements", 2);
    String jdbc = System.getProperty("bench.jdbc", "jdbc:postgresql://127.0.0.1:15432/stocksync");
    try (Connection c = DriverManager.getConnection(jdbc, System.getProperty("bench.db.user", "stocksync"),
        System.getProperty("bench.db.password", "stocksync"))) {
      long t0 = System.nanoTime();
      var shop = TestTenant.create(app, "Delete bench " + products, "ENTERPRISE");
      shop.channel("SHOPIFY", "Shopify", 0);
      shop.channel("DELIVEROO", "Deliveroo", 5);
      shop.channel("SQUARE", "Square POS", 2);
      BenchSeeder.seed(c, shop.id(), products, "Shopify", "Deliveroo", "Square POS");
      extraRows(c, shop.id(), movements);
      long rows = total(c, shop.id());
      System.out.printf("seeded tenant %s: %,d products, %,d rows in all, in %.1f s%n", shop.id(), products, rows,
          (System.nanoTime() - t0) / 1e9);

      var platform = new Api(app).asPlatformAdmin();
      String loadBefore = loadAverage();
      long start = System.nanoTime();
      var accepted = platform.delete("api/v1/tenants/" + shop.id());
      double answered = (System.nanoTime() - start) / 1e9;
      if (accepted.status() != 202) {
        throw new IllegalStateException("DELETE answered " + accepted.status() + " " + accepted.body());
      }
      while (!"DELETED".equals(platform.get("api/v1/tenants/" + shop.id()).json().getString("status"))) {
        Thread.sleep(200);
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      JsonObject summary = summary(c, shop.id());
      String load = "load average (1, 5, 15 min) before " + loadBefore + ", after " + loadAverage();
      String section = section(products, movements, rows, answered, seconds, summary, load);
      System.out.println(section);
      BenchReport.append(Path.of(System.getProperty("bench.report", "docs/benchmarks.md")), section);
    }
  }

  /** More ledger rows per product, and one sync event per mapping (the tables a busy tenant fills). */
  private static void extraRows(Connection c, UUID tenant, int movements) throws SQLException {
    if (movements > 0) {
      update(c, "INSERT INTO stock_movement (tenant_id, product_id, delta, on_hand_before, on_hand_after, reason)"
          + " SELECT p.tenant_id, p.id, 0, p.on_hand, p.on_hand, 'MANUAL' FROM product p,"
          + " generate_series(1, " + movements + ") WHERE p.tenant_id = ?", tenant);
    }
    update(c, "INSERT INTO sync_event (tenant_id, mapping_id, level, outcome) SELECT tenant_id, id,"
        + " coalesce(last_pushed_level, 0), 'PUSHED' FROM channel_mapping WHERE tenant_id = ?", tenant);
    try (var s = c.createStatement()) {
      s.execute("ANALYZE stock_movement");
      s.execute("ANALYZE sync_event");
    }
  }

  private static long total(Connection c, UUID tenant) throws SQLException {
    long sum = 0;
    for (String table : new String[] {"sync_event", "stock_movement", "channel_mapping", "product", "channel"}) {
      try (var ps = c.prepareStatement("SELECT count(*) FROM " + table + " WHERE tenant_id = ?")) {
        ps.setObject(1, tenant);
        try (var rs = ps.executeQuery()) {
          rs.next();
          sum += rs.getLong(1);
        }
      }
    }
    return sum;
  }

  private static JsonObject summary(Connection c, UUID tenant) throws SQLException {
    try (var ps = c.prepareStatement(
        "SELECT after::text FROM audit_entry WHERE tenant_id = ? AND action = 'tenant.purged'")) {
      ps.setObject(1, tenant);
      try (var rs = ps.executeQuery(); var reader = Json.createReader(new StringReader(next(rs)))) {
        return reader.readObject();
      }
    }
  }

  private static String next(java.sql.ResultSet rs) throws SQLException {
    if (!rs.next()) {
      throw new IllegalStateException("no tenant.purged audit entry");
    }
    return rs.getString(1);
  }

  /** The machine is shared: the load it was under says how far the numbers can be trusted. */
  private static String loadAverage() {
    try {
      String[] f = java.nio.file.Files.readString(Path.of("/proc/loadavg")).split(" ");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (java.io.IOException | RuntimeException e) {
      return "unknown";
    }
  }

  private static String section(int products, int movements, long rows, double answered, double seconds,
      JsonObject summary, String load) {
    var removed = summary.getJsonObject("removed");
    var s = new StringBuilder();
    s.append("\n## Tenant delete, ").append(OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS))
        .append("\n\n");
    s.append("Reproduce: `mvn -Prun -Dstocksync.data.dir=/tmp/stocksync-bench` (a throwaway database), wait for"
        + " `/health/ready`, then `mvn -q test-compile exec:java@bench-tenant-delete -Dbench.products=")
        .append(products).append(" -Dbench.movements=").append(movements).append("`.\n");
    String note = System.getProperty("bench.note", "");
    if (!note.isBlank()) {
      s.append("Server: ").append(note).append("\n");
    }
    s.append(String.format(Locale.ROOT, "Machine: %d cores, Java %s; client, server and PostgreSQL on the same"
        + " machine; %s. Time = from sending DELETE until GET answers DELETED (polled every 200 ms).%n%n",
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), load));
    s.append("| products | mappings | movements | sync events | rows in all | DELETE answered (s) | purge until DELETED (s)"
        + " | server-side purge (s) | rows/s | batches | batch size | passes |\n");
    s.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    s.append(String.format(Locale.ROOT, "| %,d | %,d | %,d | %,d | %,d | %.2f | %.1f | %.1f | %,.0f | %d | %d | %d |%n",
        products, removed.getJsonNumber("channel_mapping").longValue(),
        removed.getJsonNumber("stock_movement").longValue(), removed.getJsonNumber("sync_event").longValue(), rows,
        answered, seconds, summary.getJsonNumber("millis").longValue() / 1000.0, rows / seconds,
        summary.getInt("batches"), summary.getInt("batchSize"), summary.getInt("passes")));
    return s.toString();
  }

  private static void update(Connection c, String sql, UUID tenant) throws SQLException {
    try (var ps = c.prepareStatement(sql)) {
      ps.setObject(1, tenant);
      ps.executeUpdate();
    }
  }
}
