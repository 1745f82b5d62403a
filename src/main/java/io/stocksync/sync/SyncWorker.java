package io.stocksync.sync;

import io.stocksync.channel.Channel;
import io.stocksync.channel.push.ChannelCallException;
import io.stocksync.channel.push.ChannelEndpoint;
import io.stocksync.channel.push.LevelPush;
import io.stocksync.channel.push.PushOutcome;
import io.stocksync.platform.crypto.SecretCipher;
import io.stocksync.platform.request.RequestId;
import io.stocksync.sync.PushesSettled.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/**
 * Pushes one channel's pending levels in one batch call (the vendor's writer splits it as the API requires), and
 * records every attempt as a sync event. Nothing is held open across the HTTP call.
 */
@ApplicationScoped
public class SyncWorker {

  static final int BATCH = 100;
  private static final Logger LOG = Logger.getLogger(SyncWorker.class.getName());

  @Inject
  PendingPushes pending;

  @Inject
  StockWriters writers;

  @Inject
  SyncRequests requests;

  @Inject
  SecretCipher cipher;

  @Inject
  ChannelCallMetrics callMetrics;

  @Inject
  ChannelBreakers breakers;

  @Inject
  Event<PushesSettled> settled;

  @PersistenceContext(unitName = "stocksync")
  EntityManager em;

  public void pushPending(UUID tenantId, UUID channelId) {
    var batch = pending.due(tenantId, channelId, BATCH);
    if (batch.isEmpty()) {
      return; // nothing due, or the tenant is paused or a kill switch is set: the flags stay for later
    }
    var toPush = new ArrayList<PendingPush>();
    for (var p : batch) {
      if (p.lastPushed() != null && p.lastPushed() == p.level()) {
        pending.settleUnchanged(p);
      } else {
        toPush.add(p);
      }
    }
    if (!toPush.isEmpty()) {
      push(tenantId, channelId, toPush);
    }
    if (batch.size() == BATCH) {
      requests.wake(tenantId, channelId); // more than one batch waits
    }
  }

  private void push(UUID tenantId, UUID channelId, List<PendingPush> batch) {
    var channel = em.find(Channel.class, channelId);
    String requestId = RequestId.current();
    var writer = writers.of(channel.type()).orElse(null);
    if (writer == null) {
      pending.park(tenantId, batch, null, null, "no stock writer for " + channel.type(), 0, requestId);
      return;
    }
    var endpoint = new ChannelEndpoint(channelId, channel.apiBaseUrl(), channel.credentialsSealed() == null ? null
        : cipher.decrypt(channel.credentialsSealed(), channel.sealContext("credentials")));
    var pushes = batch.stream().map(p -> new LevelPush(p.externalId(), p.externalLocationId(), p.level(),
        p.lastPushed() != null ? p.lastPushed() : p.lastReported(), p.mappingId() + ":" + p.level() + ":"
            + p.requestedAt().toEpochMilli())).toList();
    var breaker = breakers.of(channelId, channel.type());
    if (!breaker.tryAcquirePermission()) {
      pending.skip(tenantId, batch, "circuit open for this channel", requestId);
      callMetrics.record(channel.type(), "breaker_open", 0);
      report(new PushesSettled(tenantId, channelId, channel.type(), 0, batch.size(), Refusal.BREAKER_OPEN));
      return;
    }
    long t0 = System.nanoTime();
    try {
      var outcomes = writer.push(endpoint, pushes);
      long ms = (System.nanoTime() - t0) / 1_000_000;
      breaker.onSuccess(ms, TimeUnit.MILLISECONDS);
      var settledOutcomes = new LinkedHashMap<PendingPush, PushOutcome>();
      for (var p : batch) {
        settledOutcomes.put(p, outcomes.getOrDefault(p.externalId(),
            new PushOutcome(PushOutcome.Status.FAILED, null, null, "no outcome from the channel", null)));
      }
      pending.recordOutcomes(tenantId, settledOutcomes, ms, requestId);
      int pushed = (int) settledOutcomes.values().stream()
          .filter(o -> o.status() != PushOutcome.Status.FAILED).count();
      callMetrics.record(channel.type(), pushed == batch.size() ? "ok" : "partial", ms);
      int written = pushed;
      LOG.fine(() -> "pushed " + written + " of " + batch.size() + " level(s) to " + channel.type() + " channel "
          + channelId + " in " + ms + " ms");
      report(new PushesSettled(tenantId, channelId, channel.type(), pushed, batch.size() - pushed, Refusal.NONE));
    } catch (ChannelCallException e) {
      long ms = (System.nanoTime() - t0) / 1_000_000;
      var refusal = e.isCredentialsRejected() ? Refusal.CREDENTIALS_REJECTED
          : e.isRateLimited() ? Refusal.RATE_LIMITED : Refusal.FAILED;
      if (refusal == Refusal.FAILED) {
        breaker.onError(ms, TimeUnit.MILLISECONDS, e);
      } else {
        breaker.releasePermission(); // the shop's quota or configuration, not the channel failing
      }
      failed(tenantId, channel, batch, e.httpStatus(), e.retryAfter(), e.getMessage(), ms, refusal);
    } catch (RuntimeException e) {
      // Vendor-wide breaker open, bulkhead full, timeout: the channel is not taking calls now; park, retry later.
      long ms = (System.nanoTime() - t0) / 1_000_000;
      LOG.info(() -> "push to channel " + channelId + " parked: " + e);
      boolean vendorOpen = e instanceof CircuitBreakerOpenException;
      if (vendorOpen) {
        breaker.releasePermission();
      } else {
        breaker.onError(ms, TimeUnit.MILLISECONDS, e);
      }
      failed(tenantId, channel, batch, null, null, e.getClass().getSimpleName() + ": " + e.getMessage(), ms,
          vendorOpen ? Refusal.BREAKER_OPEN : Refusal.FAILED);
    }
  }

  /** The whole call failed or was not made: park the batch, count it, tell the health watchers. */
  private void failed(UUID tenantId, Channel channel, List<PendingPush> batch, Integer httpStatus,
      java.time.Duration retryAfter, String error, long ms, Refusal refusal) {
    pending.park(tenantId, batch, httpStatus, retryAfter, error, ms, RequestId.current());
    callMetrics.record(channel.type(), refusal.name().toLowerCase(java.util.Locale.ROOT), ms);
    report(new PushesSettled(tenantId, channel.id(), channel.type(), 0, batch.size(), refusal));
  }

  /** Channel health watchers must never undo or repeat a push: their failures are logged, not thrown. */
  private void report(PushesSettled outcome) {
    try {
      settled.fire(outcome);
    } catch (RuntimeException e) {
      LOG.log(java.util.logging.Level.WARNING, "channel health not updated for " + outcome.channelId(), e);
    }
  }
}
