package io.stocksync.guardian;

import io.stocksync.channel.push.PushOutcome;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Records repair pushes as sync events (request id "guardian:&lt;run id&gt;") and what the channel now shows. In
 * its own transaction, as Sync does: the HTTP call cannot be rolled back, so its record must not be either, even if
 * the chunk that made it fails afterwards.
 */
@ApplicationScoped
public class RepairRecords {

  /** One push made and what came of it. */
  public record Attempt(DriftCheck check, PushOutcome outcome) {}

  @Resource(lookup = "jdbc/stocksync")
  DataSource dataSource;

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void record(UUID tenantId, UUID runId, List<Attempt> attempts, long latencyMs) {
    try (var c = dataSource.getConnection();
        var event = c.prepareStatement("INSERT INTO sync_event (tenant_id, mapping_id, level, outcome, attempt,"
            + " latency_ms, http_status, error, request_id) VALUES (?, ?, ?, ?, 1, ?, ?, ?, ?)");
        var pushed = c.prepareStatement("UPDATE channel_mapping SET last_pushed_level = ?, last_pushed_at = now()"
            + " WHERE id = ?")) {
      for (var a : attempts) {
        var o = a.outcome();
        event.setObject(1, tenantId);
        event.setObject(2, a.check().mapping().mappingId());
        event.setLong(3, a.check().expected());
        event.setString(4, o.status().name());
        event.setInt(5, (int) latencyMs);
        event.setObject(6, o.httpStatus());
        event.setString(7, o.error());
        event.setString(8, GuardianRuns.requestId(runId));
        event.addBatch();
        if (o.status() == PushOutcome.Status.PUSHED) {
          pushed.setLong(1, a.check().expected());
          pushed.setObject(2, a.check().mapping().mappingId());
          pushed.addBatch();
        }
      }
      event.executeBatch();
      pushed.executeBatch();
    } catch (SQLException e) {
      throw new GuardianStoreException(e);
    }
  }
}
