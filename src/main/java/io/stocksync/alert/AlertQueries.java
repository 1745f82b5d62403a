package io.stocksync.alert;

import io.stocksync.platform.paging.PageRequest;
import io.stocksync.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads and status changes of a tenant's alerts; always within the tenant. */
@ApplicationScoped
public class AlertQueries {

  private static final String COLUMNS = "id, type, severity, status, dedupe_key, product_id, channel_id, message,"
      + " raised_at, acknowledged_at, resolved_at";

  @PersistenceContext(unitName = "stocksync")
  EntityManager em;

  /** Newest first; the cursor is (raised_at, id) of the last alert shown, so inserts never shift pages. */
  @Transactional
  @SuppressWarnings("unchecked")
  public List<Alert> list(UUID tenantId, AlertType type, String status, PageRequest page) {
    Instant beforeAt = Instant.parse("9999-12-31T00:00:00Z");
    UUID beforeId = new UUID(-1L, -1L);
    if (page.after().isPresent()) {
      String[] parts = page.after().get().split("_", 2);
      try {
        beforeAt = Instant.parse(parts[0]);
        beforeId = UUID.fromString(parts[1]);
      } catch (RuntimeException e) {
        throw ProblemException.badRequest("cursor is not one this API returned");
      }
    }
    List<Object[]> rows = em.createNativeQuery("SELECT " + COLUMNS + " FROM alert WHERE tenant_id = ?"
            + " AND (CAST(? AS text) IS NULL OR type = ?) AND (CAST(? AS text) IS NULL OR status = ?)"
            + " AND (raised_at, id) < (?, ?) ORDER BY raised_at DESC, id DESC LIMIT ?")
        .setParameter(1, tenantId)
        .setParameter(2, type == null ? null : type.name()).setParameter(3, type == null ? null : type.name())
        .setParameter(4, status).setParameter(5, status)
        .setParameter(6, Timestamp.from(beforeAt)).setParameter(7, beforeId).setParameter(8, page.fetchSize())
        .getResultList();
    return rows.stream().map(AlertQueries::alert).toList();
  }

  @Transactional
  @SuppressWarnings("unchecked")
  public Optional<Alert> find(UUID tenantId, UUID id) {
    List<Object[]> rows = em.createNativeQuery("SELECT " + COLUMNS + " FROM alert WHERE tenant_id = ? AND id = ?")
        .setParameter(1, tenantId).setParameter(2, id).getResultList();
    return rows.stream().findFirst().map(AlertQueries::alert);
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public void setStatus(UUID tenantId, UUID id, String status) {
    String stamp = "ACKNOWLEDGED".equals(status) ? "acknowledged_at" : "resolved_at";
    em.createNativeQuery("UPDATE alert SET status = ?, " + stamp + " = now() WHERE tenant_id = ? AND id = ?")
        .setParameter(1, status).setParameter(2, tenantId).setParameter(3, id).executeUpdate();
  }

  static String cursorOf(Alert a) {
    return a.raisedAt().toInstant() + "_" + a.id();
  }

  private static Alert alert(Object[] r) {
    return new Alert((UUID) r[0], AlertType.valueOf((String) r[1]), (String) r[2], (String) r[3], (String) r[4],
        (UUID) r[5], (UUID) r[6], (String) r[7], time(r[8]), time(r[9]), time(r[10]));
  }

  private static OffsetDateTime time(Object o) {
    // Microseconds, as PostgreSQL keeps them: the cursor must compare equal to the stored value.
    return o == null ? null : ((Timestamp) o).toInstant().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
  }
}
