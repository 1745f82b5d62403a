package io.stocksync.bench;

import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Starts one Guardian run per shop as the shop's own admin would ({@code POST /api/v1/guardian/runs}), waits until
 * every run has ended, then reads each run's outcome through {@code GET /api/v1/guardian/runs}. While waiting it
 * counts ended runs with one SQL query every 250 ms: polling a thousand tenants through the API would load the
 * server it measures.
 */
final class GuardianRunDriver {

  /** What the runs came to. Times in seconds from the first POST. */
  record Outcome(double launchedAfter, double finishedAfter, Map<String, Long> statuses,
      long checked, long inSync, long repaired, long alerted, long skipped, long failed) {}

  private final Connection db;
  private final int launchers;

  GuardianRunDriver(Connection db, int launchers) {
    this.db = db;
    this.launchers = launchers;
  }

  Outcome run(List<GuardianShops.Shop> shops, double timeoutSeconds) throws Exception {
    Instant since = Instant.now().minusSeconds(1);
    long t0 = System.nanoTime();
    launch(shops);
    double launched = (System.nanoTime() - t0) / 1e9;
    UUID[] tenants = shops.stream().map(s -> s.tenant().id()).toArray(UUID[]::new);
    long last = -1;
    while (true) {
      long ended = ended(tenants, since);
      double elapsed = (System.nanoTime() - t0) / 1e9;
      if (ended != last && (ended == shops.size() || (long) elapsed % 5 == 0)) {
        System.out.printf("  %.1f s: %,d of %,d runs ended%n", elapsed, ended, shops.size());
        last = ended;
      }
      if (ended >= shops.size()) {
        break;
      }
      if (elapsed > timeoutSeconds) {
        throw new IllegalStateException("runs not ended after " + timeoutSeconds + " s: " + ended + " of "
            + shops.size());
      }
      Thread.sleep(250);
    }
    double finished = (System.nanoTime() - t0) / 1e9;
    return summarize(shops, launched, finished);
  }

  private void launch(List<GuardianShops.Shop> shops) throws Exception {
    var pool = Executors.newFixedThreadPool(launchers);
    try {
      var calls = new ArrayList<Future<?>>();
      for (var shop : shops) {
        calls.add(pool.submit(() -> {
          var r = shop.tenant().admin().post("api/v1/guardian/runs", "{}");
          if (r.status() != 202) {
            throw new IllegalStateException("run not started: " + r.status() + " " + r.body());
          }
        }));
      }
      for (var call : calls) {
        call.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private Outcome summarize(List<GuardianShops.Shop> shops, double launched, double finished)
      throws Exception {
    var pool = Executors.newFixedThreadPool(launchers);
    try {
      var calls = new ArrayList<Future<JsonObject>>();
      for (var shop : shops) {
        calls.add(pool.submit((Callable<JsonObject>) () ->
            shop.tenant().user().get("api/v1/guardian/runs?limit=1").parse().asJsonArray().getJsonObject(0)));
      }
      var statuses = new TreeMap<String, Long>();
      long[] sums = new long[6];
      String[] fields = {"checked", "inSync", "repaired", "alerted", "skipped", "failed"};
      for (var call : calls) {
        var run = call.get();
        statuses.merge(run.getString("batchStatus", "?"), 1L, Long::sum);
        var summary = run.getJsonObject("summary");
        for (int i = 0; i < fields.length; i++) {
          sums[i] += summary.getJsonNumber(fields[i]).longValue();
        }
      }
      return new Outcome(launched, finished, statuses, sums[0], sums[1], sums[2], sums[3], sums[4], sums[5]);
    } finally {
      pool.shutdownNow();
    }
  }

  private long ended(UUID[] tenants, Instant since) throws SQLException {
    try (var ps = db.prepareStatement("SELECT count(*) FROM guardian_run WHERE tenant_id = ANY (?) AND claimed_at"
        + " >= ? AND state IN ('ENDED', 'LOST')")) {
      ps.setArray(1, db.createArrayOf("uuid", tenants));
      ps.setTimestamp(2, Timestamp.from(since));
      try (var rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
