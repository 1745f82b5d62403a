package io.stocksync.catalog.imports;

import io.stocksync.platform.paging.PageRequest;
import io.stocksync.platform.persistence.SqlTimes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The product_import and product_import_row tables; every read is within one tenant. */
@ApplicationScoped
public class ImportStore {

  private static final String VIEW = "SELECT i.id, i.status, i.rows_total,"
      + " count(r.row_number) FILTER (WHERE r.outcome = 'CREATED'),"
      + " count(r.row_number) FILTER (WHERE r.outcome = 'UPDATED'),"
      + " count(r.row_number) FILTER (WHERE r.outcome = 'UNCHANGED'),"
      + " count(r.row_number) FILTER (WHERE r.outcome = 'REJECTED'),"
      + " i.requested_by, i.job_instance_id, i.error, i.created_at, i.started_at, i.ended_at, i.seq"
      + " FROM product_import i LEFT JOIN product_import_row r ON r.import_id = i.id";

  @PersistenceContext(unitName = "stocksync")
  EntityManager em;

  @Transactional(Transactional.TxType.MANDATORY)
  public UUID create(UUID tenantId, byte[] content, int rows, String requestedBy, String requestId) {
    UUID id = UUID.randomUUID();
    em.createNativeQuery("INSERT INTO product_import (id, tenant_id, status, content, rows_total, requested_by,"
            + " request_id) VALUES (?, ?, 'QUEUED', ?, ?, ?, ?)")
        .setParameter(1, id).setParameter(2, tenantId).setParameter(3, content).setParameter(4, rows)
        .setParameter(5, requestedBy).setParameter(6, requestId)
        .executeUpdate();
    return id;
  }

  @Transactional
  public Optional<ImportView> find(UUID tenantId, UUID id) {
    List<?> rows = em.createNativeQuery(VIEW + " WHERE i.tenant_id = ? AND i.id = ? GROUP BY i.id")
        .setParameter(1, tenantId).setParameter(2, id).getResultList();
    return rows.stream().map(r -> view((Object[]) r)).findFirst();
  }

  /** The tenant's imports, newest first; each row ends with its seq, the page key. */
  @Transactional
  @SuppressWarnings("unchecked")
  public List<Object[]> page(UUID tenantId, PageRequest page) {
    return em.createNativeQuery(VIEW + " WHERE i.tenant_id = ? AND i.seq < ? GROUP BY i.id ORDER BY i.seq DESC"
            + " LIMIT ?")
        .setParameter(1, tenantId).setParameter(2, page.afterLong().orElse(Long.MAX_VALUE))
        .setParameter(3, page.fetchSize())
        .getResultList();
  }

  /** An import's rows in file order, only those with {@code outcome} when it is given. */
  @Transactional
  @SuppressWarnings("unchecked")
  public List<Object[]> rows(UUID tenantId, UUID importId, String outcome, PageRequest page) {
    return em.createNativeQuery("SELECT row_number, sku, outcome, message FROM product_import_row"
            + " WHERE tenant_id = ? AND import_id = ? AND row_number > ? AND (CAST(? AS text) IS NULL OR outcome = ?)"
            + " ORDER BY row_number LIMIT ?")
        .setParameter(1, tenantId).setParameter(2, importId).setParameter(3, page.afterLong().orElse(0L))
        .setParameter(4, outcome).setParameter(5, outcome).setParameter(6, page.fetchSize())
        .getResultList();
  }

  @Transactional
  public byte[] content(UUID importId) {
    return (byte[]) em.createNativeQuery("SELECT content FROM product_import WHERE id = ?")
        .setParameter(1, importId).getSingleResult();
  }

  /** An execution begins: the first one names its import (job parameter); a restart finds it by job instance. */
  @Transactional
  public Optional<ImportRef> started(Optional<UUID> named, long jobInstanceId) {
    var update = named.isPresent()
        ? em.createNativeQuery("UPDATE product_import SET job_instance_id = ?, status = 'RUNNING',"
            + " started_at = coalesce(started_at, now()), ended_at = NULL, error = NULL WHERE id = ?"
            + " RETURNING id, tenant_id, requested_by, request_id").setParameter(2, named.get())
        : em.createNativeQuery("UPDATE product_import SET status = 'RUNNING', ended_at = NULL, error = NULL"
            + " WHERE job_instance_id = ? RETURNING id, tenant_id, requested_by, request_id");
    List<?> rows = update.setParameter(1, jobInstanceId).getResultList();
    return rows.stream().map(Object[].class::cast)
        .map(r -> new ImportRef((UUID) r[0], (UUID) r[1], (String) r[2], (String) r[3])).findFirst();
  }

  @Transactional
  public void ended(UUID importId, String status, String error) {
    em.createNativeQuery("UPDATE product_import SET status = ?, error = ?, ended_at = now() WHERE id = ?")
        .setParameter(1, status).setParameter(2, error).setParameter(3, importId)
        .executeUpdate();
  }

  /** Rows of this import between {@code first} and {@code last} already applied (by an earlier execution). */
  @Transactional(Transactional.TxType.MANDATORY)
  @SuppressWarnings("unchecked")
  public List<Integer> applied(UUID importId, int first, int last) {
    return ((List<Number>) em.createNativeQuery("SELECT row_number FROM product_import_row WHERE import_id = ?"
            + " AND row_number BETWEEN ? AND ?")
        .setParameter(1, importId).setParameter(2, first).setParameter(3, last)
        .getResultList()).stream().map(Number::intValue).toList();
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public void record(ImportRef ref, ImportRow row, String outcome, String message) {
    em.createNativeQuery("INSERT INTO product_import_row (import_id, row_number, tenant_id, sku, outcome, message)"
            + " VALUES (?, ?, ?, ?, ?, ?)")
        .setParameter(1, ref.importId()).setParameter(2, row.rowNumber()).setParameter(3, ref.tenantId())
        .setParameter(4, row.sku()).setParameter(5, outcome).setParameter(6, message)
        .executeUpdate();
  }

  static ImportView view(Object[] r) {
    int rows = ((Number) r[2]).intValue();
    int created = ((Number) r[3]).intValue();
    int updated = ((Number) r[4]).intValue();
    int unchanged = ((Number) r[5]).intValue();
    int rejected = ((Number) r[6]).intValue();
    return new ImportView((UUID) r[0], (String) r[1], rows, created, updated, unchanged, rejected,
        rows - created - updated - unchanged - rejected, (String) r[7],
        r[8] == null ? null : ((Number) r[8]).longValue(), (String) r[9], SqlTimes.utc(r[10]), SqlTimes.utc(r[11]),
        SqlTimes.utc(r[12]));
  }
}
