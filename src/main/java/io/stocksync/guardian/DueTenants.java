package io.stocksync.guardian;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/** Active tenants with at least one channel, with their interval and latest scheduled slot: the schedule's input. */
@ApplicationScoped
public class DueTenants {

  /** A tenant the scheduler looks at. */
  public record Candidate(UUID tenantId, int intervalMinutes, Instant createdAt, Instant lastSlot) {}

  @Resource(lookup = "jdbc/stocksync")
  DataSource dataSource;

  public List<Candidate> active() {
    var list = new ArrayList<Candidate>();
    try (var c = dataSource.getConnection(); var ps = c.prepareStatement("SELECT t.id, t.reconcile_interval_minutes,"
        + " t.created_at, (SELECT max(r.slot_start) FROM guardian_run r WHERE r.tenant_id = t.id"
        + " AND r.slot_start IS NOT NULL) FROM tenant t WHERE t.status = 'ACTIVE'"
        + " AND EXISTS (SELECT 1 FROM channel ch WHERE ch.tenant_id = t.id)"); var rs = ps.executeQuery()) {
      while (rs.next()) {
        var last = rs.getTimestamp(4);
        list.add(new Candidate(rs.getObject(1, UUID.class), rs.getInt(2), rs.getTimestamp(3).toInstant(),
            last == null ? null : last.toInstant()));
      }
    } catch (SQLException e) {
      throw new GuardianStoreException(e);
    }
    return list;
  }
}
