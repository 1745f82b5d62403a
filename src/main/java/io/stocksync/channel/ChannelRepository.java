package io.stocksync.channel;

import io.stocksync.platform.paging.PageRequest;
import io.stocksync.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Channels, always within one tenant: another tenant's channel is simply not found. */
@ApplicationScoped
public class ChannelRepository {

  @PersistenceContext(unitName = "stocksync")
  EntityManager em;

  public Optional<Channel> find(UUID tenantId, UUID id) {
    return em.createQuery("SELECT c FROM Channel c WHERE c.tenantId = :t AND c.id = :id", Channel.class)
        .setParameter("t", tenantId).setParameter("id", id)
        .getResultStream().findFirst();
  }

  public Channel get(UUID tenantId, UUID id) {
    return find(tenantId, id).orElseThrow(() -> ProblemException.notFound("channel", id));
  }

  public long count(UUID tenantId) {
    return em.createQuery("SELECT count(c) FROM Channel c WHERE c.tenantId = :t", Long.class)
        .setParameter("t", tenantId).getSingleResult();
  }

  public List<Channel> page(UUID tenantId, PageRequest page, ChannelType type) {
    var q = em.createQuery("SELECT c FROM Channel c WHERE c.tenantId = :t AND c.id > :after"
            + (type != null ? " AND c.type = :type" : "") + " ORDER BY c.id", Channel.class)
        .setParameter("t", tenantId)
        .setParameter("after", page.afterUuid().orElse(new UUID(0, 0)))
        .setMaxResults(page.fetchSize());
    if (type != null) {
      q.setParameter("type", type);
    }
    return q.getResultList();
  }

  public void add(Channel c) {
    em.persist(c);
  }

  /** Removes a channel with its alerts; its inbox rows stay as history, detached from it. */
  public void remove(Channel c) {
    for (String statement : List.of("DELETE FROM alert_notification_attempt WHERE notification_id IN (SELECT n.id"
            + " FROM alert_notification n JOIN alert a ON a.id = n.alert_id WHERE a.tenant_id = ?1"
            + " AND a.channel_id = ?2)",
        "DELETE FROM alert_notification WHERE alert_id IN (SELECT id FROM alert WHERE tenant_id = ?1"
            + " AND channel_id = ?2)",
        "DELETE FROM alert WHERE tenant_id = ?1 AND channel_id = ?2",
        "UPDATE webhook_delivery SET channel_id = NULL WHERE tenant_id = ?1 AND channel_id = ?2")) {
      em.createNativeQuery(statement).setParameter(1, c.tenantId()).setParameter(2, c.id()).executeUpdate();
    }
    em.remove(c);
  }

  public boolean hasMappings(UUID tenantId, UUID channelId) {
    return !em.createNativeQuery("SELECT 1 FROM channel_mapping WHERE tenant_id = ? AND channel_id = ? LIMIT 1")
        .setParameter(1, tenantId).setParameter(2, channelId).getResultList().isEmpty();
  }
}
