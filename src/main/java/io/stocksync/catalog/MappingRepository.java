package io.stocksync.catalog;

import io.stocksync.platform.paging.PageRequest;
import io.stocksync.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.UUID;

/** Channel mappings within one tenant. */
@ApplicationScoped
public class MappingRepository {

  @PersistenceContext(unitName = "stocksync")
  EntityManager em;

  public ChannelMapping get(UUID tenantId, UUID id) {
    return em.createQuery("SELECT m FROM ChannelMapping m WHERE m.tenantId = :t AND m.id = :id", ChannelMapping.class)
        .setParameter("t", tenantId).setParameter("id", id)
        .getResultStream().findFirst()
        .orElseThrow(() -> ProblemException.notFound("mapping", id));
  }

  public boolean exists(UUID tenantId, UUID productId, UUID channelId) {
    return !em.createQuery("SELECT m.id FROM ChannelMapping m WHERE m.tenantId = :t AND m.productId = :p"
            + " AND m.channelId = :c", UUID.class)
        .setParameter("t", tenantId).setParameter("p", productId).setParameter("c", channelId)
        .setMaxResults(1).getResultList().isEmpty();
  }

  public boolean externalIdTaken(UUID tenantId, UUID channelId, String externalId) {
    return !em.createQuery("SELECT m.id FROM ChannelMapping m WHERE m.tenantId = :t AND m.channelId = :c"
            + " AND m.externalId = :e", UUID.class)
        .setParameter("t", tenantId).setParameter("c", channelId).setParameter("e", externalId)
        .setMaxResults(1).getResultList().isEmpty();
  }

  /** Whether another mapping of the channel than exceptMapping (may be null) names this variant. */
  public boolean variantTaken(UUID tenantId, UUID channelId, String variantId, UUID exceptMapping) {
    return em.createQuery("SELECT m.id FROM ChannelMapping m WHERE m.tenantId = :t AND m.channelId = :c"
            + " AND m.externalVariantId = :v", UUID.class)
        .setParameter("t", tenantId).setParameter("c", channelId).setParameter("v", variantId)
        .getResultStream().anyMatch(other -> !other.equals(exceptMapping));
  }

  public List<ChannelMapping> page(UUID tenantId, PageRequest page, UUID productId, UUID channelId) {
    var q = em.createQuery("SELECT m FROM ChannelMapping m WHERE m.tenantId = :t AND m.id > :after"
            + (productId != null ? " AND m.productId = :p" : "") + (channelId != null ? " AND m.channelId = :c" : "")
            + " ORDER BY m.id", ChannelMapping.class)
        .setParameter("t", tenantId)
        .setParameter("after", page.afterUuid().orElse(new UUID(0, 0)))
        .setMaxResults(page.fetchSize());
    if (productId != null) {
      q.setParameter("p", productId);
    }
    if (channelId != null) {
      q.setParameter("c", channelId);
    }
    return q.getResultList();
  }

  public List<ChannelMapping> ofProduct(UUID tenantId, UUID productId) {
    return em.createQuery("SELECT m FROM ChannelMapping m WHERE m.tenantId = :t AND m.productId = :p",
            ChannelMapping.class)
        .setParameter("t", tenantId).setParameter("p", productId).getResultList();
  }

  public void add(ChannelMapping m) {
    em.persist(m);
  }

  public void remove(ChannelMapping m) {
    em.createNativeQuery("DELETE FROM sync_event WHERE tenant_id = ? AND mapping_id = ?")
        .setParameter(1, m.tenantId()).setParameter(2, m.id()).executeUpdate();
    em.remove(m);
  }
}
