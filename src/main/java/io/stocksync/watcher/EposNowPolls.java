package io.stocksync.watcher;

import io.stocksync.catalog.ChannelMapping;
import io.stocksync.channel.Channel;
import io.stocksync.channel.eposnow.EposNowLevel;
import io.stocksync.channel.webhook.ChannelEvent;
import io.stocksync.sync.SyncRequests;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The database side of Epos Now polling, one short transaction per step: claim a due channel, apply one page of
 * levels, release the claim. See {@link EposNowPoller} for the claim protocol.
 */
@ApplicationScoped
public class EposNowPolls {

  /** A location with more pages than this is not read further in one poll. */
  static final int MAX_PAGES = 500;
  /** How long a claim holds without a page being applied (renewed at every page). */
  static final long LEASE_SECONDS = 120;

  @PersistenceContext(unitName = "stocksync")
  EntityManager em;

  @Inject
  EventApplier applier;

  @Inject
  SyncRequests sync;

  /**
   * Claims the EPOSNOW channel of an ACTIVE tenant polled longest ago, if it was last polled at least an interval
   * ago (half a second of slack for the scheduler's drift) and nobody holds a live claim on it.
   */
  @Transactional
  @SuppressWarnings("unchecked")
  public Optional<UUID> claimDue(UUID claim, long intervalSeconds) {
    List<Object> claimed = em.createNativeQuery("UPDATE channel SET poll_claim = ?,"
            + " poll_claimed_until = now() + make_interval(secs => ?) WHERE id = (SELECT c.id FROM channel c"
            + " JOIN tenant t ON t.id = c.tenant_id AND t.status = 'ACTIVE' WHERE c.type = 'EPOSNOW'"
            + " AND (c.poll_claimed_until IS NULL OR c.poll_claimed_until < now())"
            + " AND (c.last_polled_at IS NULL OR c.last_polled_at < now() - make_interval(secs => ?))"
            + " ORDER BY c.last_polled_at NULLS FIRST LIMIT 1 FOR UPDATE OF c SKIP LOCKED) RETURNING id")
        .setParameter(1, claim).setParameter(2, (double) LEASE_SECONDS)
        .setParameter(3, Math.max(0.0, intervalSeconds - 0.5)).getResultList();
    return claimed.stream().map(id -> (UUID) id).findFirst();
  }

  @Transactional
  public Channel channel(UUID channelId) {
    return em.find(Channel.class, channelId);
  }

  /** The locations the channel's mappings name (a mapping without one cannot be read or written on Epos Now). */
  @Transactional
  @SuppressWarnings("unchecked")
  public List<String> locations(Channel channel) {
    return em.createNativeQuery("SELECT DISTINCT external_location_id FROM channel_mapping WHERE tenant_id = ?"
            + " AND channel_id = ? AND external_location_id IS NOT NULL ORDER BY 1")
        .setParameter(1, channel.tenantId()).setParameter(2, channel.id()).getResultList();
  }

  /**
   * Applies one page read at {@code readAt}, in one transaction: renews the claim (answers false, applying
   * nothing, if the claim was lost or the tenant is no longer ACTIVE), turns every mapped level that differs from
   * the last reported one into an absolute LEVEL event, and asks Sync to push the products that changed.
   */
  @Transactional
  public boolean apply(UUID channelId, UUID claim, String location, List<EposNowLevel> levels, Instant readAt,
      String requestId) {
    int renewed = em.createNativeQuery("UPDATE channel c SET poll_claimed_until = now() + make_interval(secs => ?)"
            + " WHERE c.id = ? AND c.poll_claim = ? AND c.poll_claimed_until > now() AND EXISTS (SELECT 1 FROM"
            + " tenant t WHERE t.id = c.tenant_id AND t.status = 'ACTIVE')")
        .setParameter(1, (double) LEASE_SECONDS).setParameter(2, channelId).setParameter(3, claim).executeUpdate();
    if (renewed == 0) {
      return false;
    }
    if (levels.isEmpty()) {
      return true;
    }
    var channel = em.find(Channel.class, channelId);
    var byProduct = new HashMap<String, Long>();
    levels.stream().filter(l -> location.equals(l.locationId()))
        .forEach(l -> byProduct.put(l.productId(), l.level()));
    var mappings = em.createQuery("SELECT m FROM ChannelMapping m WHERE m.tenantId = :t AND m.channelId = :c"
            + " AND m.externalLocationId = :l AND m.externalId IN :ids", ChannelMapping.class)
        .setParameter("t", channel.tenantId()).setParameter("c", channelId).setParameter("l", location)
        .setParameter("ids", byProduct.keySet()).getResultList();
    var changed = new LinkedHashSet<UUID>();
    for (var mapping : mappings) {
      long level = byProduct.get(mapping.externalId());
      if (mapping.lastReportedLevel() != null && mapping.lastReportedLevel() == level) {
        continue; // nothing new since the last poll
      }
      var event = new ChannelEvent(eventId(mapping, level), ChannelEvent.Kind.LEVEL, readAt,
          List.of(new ChannelEvent.Line(mapping.externalId(), null, level)));
      changed.addAll(applier.apply(channel, event, requestId));
    }
    sync.request(channel.tenantId(), changed, channelId);
    return true;
  }

  /**
   * The same observation always gets the same id: the mapping, the report it follows and the level seen. A page
   * applied twice (two polls reading the same change) therefore moves the ledger once (its unique key), while the
   * same level seen again after another one (5, 3, 5) is a new event.
   */
  static String eventId(ChannelMapping mapping, long level) {
    var after = mapping.lastReportedAt() == null ? "-" : mapping.lastReportedAt().toInstant().toString();
    return "eposnow-poll:" + mapping.id() + ":" + after + ":" + level;
  }

  @Transactional
  public void release(UUID channelId, UUID claim) {
    em.createNativeQuery("UPDATE channel SET last_polled_at = now(), poll_claim = NULL, poll_claimed_until = NULL"
            + " WHERE id = ? AND poll_claim = ?")
        .setParameter(1, channelId).setParameter(2, claim).executeUpdate();
  }
}
