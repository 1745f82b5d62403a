package io.stocksync.tenant;

import io.stocksync.platform.paging.PageRequest;
import io.stocksync.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class TenantRepository {

  @PersistenceContext(unitName = "stocksync")
  EntityManager em;

  public Optional<Tenant> find(UUID id) {
    return Optional.ofNullable(em.find(Tenant.class, id));
  }

  public Tenant get(UUID id) {
    return find(id).orElseThrow(() -> ProblemException.notFound("tenant", id));
  }

  /** The tenant row locked for the rest of the transaction: serialises quota checks and lifecycle changes. */
  public Tenant lock(UUID id) {
    var t = em.find(Tenant.class, id, LockModeType.PESSIMISTIC_WRITE);
    if (t == null) {
      throw ProblemException.notFound("tenant", id);
    }
    return t;
  }

  public void add(Tenant t) {
    em.persist(t);
  }

  public List<Tenant> page(PageRequest page, TenantStatus status) {
    var q = em.createQuery("SELECT t FROM Tenant t WHERE t.id > :after"
            + (status != null ? " AND t.status = :status" : " AND t.status <> :deleted") + " ORDER BY t.id",
            Tenant.class)
        .setParameter("after", page.afterUuid().orElse(new UUID(0, 0)))
        .setMaxResults(page.fetchSize());
    if (status != null) {
      q.setParameter("status", status);
    } else {
      q.setParameter("deleted", TenantStatus.DELETED);
    }
    return q.getResultList();
  }

  /** Tenants whose purge has not finished (interrupted, or running elsewhere). */
  public List<UUID> deleting() {
    return em.createQuery("SELECT t.id FROM Tenant t WHERE t.status = :deleting", UUID.class)
        .setParameter("deleting", TenantStatus.DELETING)
        .getResultList();
  }
}
