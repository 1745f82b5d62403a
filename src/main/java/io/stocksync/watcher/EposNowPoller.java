package io.stocksync.watcher;

import io.stocksync.channel.Channel;
import io.stocksync.channel.ChannelType;
import io.stocksync.channel.eposnow.EposNowLevel;
import io.stocksync.channel.eposnow.EposNowStockWriter;
import io.stocksync.channel.push.ChannelEndpoint;
import io.stocksync.platform.crypto.SecretCipher;
import io.stocksync.platform.request.RequestId;
import io.stocksync.platform.schedule.Periodic;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Polls Epos Now, whose webhooks are unsigned and carry no levels: every {@code
 * stocksync.channel.eposnow.poll-interval-seconds} (default 60) each server claims the EPOSNOW channels of ACTIVE
 * tenants that are due, one at a time, and reads the stock of every location its mappings name, page by page (200
 * rows a call). Each page is applied in its own transaction by {@link EposNowPolls#apply}: a level that differs
 * from the mapping's last reported one becomes an absolute LEVEL event through the Watcher's {@link EventApplier}
 * (stale and echoed levels ignored, buffer added, CHANNEL_SET movement with a deterministic event id), then Sync is
 * asked to push the other channels.
 *
 * <p>One poll of a channel at a time, across servers: the claim is an UPDATE of the channel row chosen with
 * {@code FOR UPDATE SKIP LOCKED}, setting a claim id and a lease that every page renews; a page is applied only
 * while the claim is still ours and the tenant still ACTIVE (checked under the channel's row lock). A row lock held
 * for the whole poll would keep a transaction open across HTTP calls; the lease does not, and a server that dies
 * mid-poll loses the channel when the lease runs out.
 */
@ApplicationScoped
public class EposNowPoller {

  private static final Logger LOG = Logger.getLogger(EposNowPoller.class.getName());
  /** Channels one server polls in one tick at most; the rest wait for the next tick or another server. */
  private static final int CHANNELS_PER_TICK = 200;

  @Inject
  @ConfigProperty(name = "stocksync.channel.eposnow.poll-interval-seconds", defaultValue = "60")
  long intervalSeconds;

  @Inject
  Periodic periodic;

  @Inject
  EposNowPolls polls;

  @Inject
  EposNowStockWriter epos;

  @Inject
  SecretCipher cipher;

  void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    periodic.every(Math.max(1, intervalSeconds), this::tick);
  }

  void tick() {
    try {
      for (int i = 0; i < CHANNELS_PER_TICK; i++) {
        var claim = UUID.randomUUID();
        var channelId = polls.claimDue(claim, intervalSeconds);
        if (channelId.isEmpty()) {
          return;
        }
        RequestId.runWith("eposnow-poll-" + claim, () -> pollClaimed(channelId.get(), claim));
      }
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "Epos Now poll skipped: " + e.getMessage());
    }
  }

  /** Polls one claimed channel; whatever happens, the claim is released and the channel waits one interval. */
  void pollClaimed(UUID channelId, UUID claim) {
    try {
      var channel = polls.channel(channelId);
      if (channel == null || channel.type() != ChannelType.EPOSNOW) {
        return;
      }
      var endpoint = new ChannelEndpoint(channelId, channel.apiBaseUrl(), channel.credentialsSealed() == null
          ? null : cipher.decrypt(channel.credentialsSealed(), channel.sealContext("credentials")));
      for (String location : polls.locations(channel)) {
        if (!pollLocation(channel, endpoint, location, claim)) {
          return;
        }
      }
    } catch (RuntimeException e) {
      // Unreachable, rate-limited, credentials refused, breaker open: the next interval tries again.
      LOG.info(() -> "Epos Now poll of channel " + channelId + " failed: " + e);
    } finally {
      polls.release(channelId, claim);
    }
  }

  /** Answers false when the poll must stop (claim lost, tenant no longer active). */
  private boolean pollLocation(Channel channel, ChannelEndpoint endpoint, String location, UUID claim) {
    for (int page = 1; page <= EposNowPolls.MAX_PAGES; page++) {
      Instant readAt = Instant.now();
      var rows = epos.levelsAt(endpoint, location, page);
      List<EposNowLevel> levels = rows.levels();
      if (!polls.apply(channel.id(), claim, location, levels, readAt, RequestId.current())) {
        return false;
      }
      if (rows.last()) {
        return true;
      }
    }
    return true;
  }
}
