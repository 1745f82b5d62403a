package io.stocksync.channel;

import io.stocksync.platform.audit.AuditLog;
import io.stocksync.platform.crypto.SecretCipher;
import io.stocksync.platform.problem.ProblemException;
import io.stocksync.tenant.TenantQuota;
import io.stocksync.tenant.Tier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Channel use cases within one tenant; secrets are sealed before they reach the entity. */
@ApplicationScoped
@Transactional
public class ChannelService {

  private static final int DEFAULT_GRACE_SECONDS = 86_400;

  @Inject
  ChannelRepository channels;

  @Inject
  TenantQuota quota;

  @Inject
  SecretCipher cipher;

  @Inject
  AuditLog audit;

  public ChannelView create(UUID tenantId, ChannelRequests.Create r) {
    quota.requireRoom(tenantId, "channels", channels.count(tenantId), Tier::maxChannels);
    var channel = new Channel(tenantId, r.type(), r.displayName(), r.apiBaseUrl(),
        r.bufferStock() == null ? 0 : r.bufferStock());
    if (r.credentials() != null) {
      channel.replaceCredentials(cipher.encrypt(r.credentials(), channel.sealContext("credentials")));
    }
    if (r.webhookSecret() != null) {
      channel.setWebhookSecret(cipher.encrypt(r.webhookSecret(), channel.sealContext("webhook_secret")));
    }
    channels.add(channel);
    var view = ChannelView.of(channel);
    audit.record(tenantId, "channel.create", "channel", channel.id(), null, view);
    return view;
  }

  public ChannelView update(UUID tenantId, UUID id, ChannelRequests.Update r) {
    var channel = channels.get(tenantId, id);
    var before = ChannelView.of(channel);
    if (r.displayName() != null) {
      channel.rename(r.displayName());
    }
    if (r.apiBaseUrl() != null) {
      channel.pointAt(r.apiBaseUrl());
    }
    if (r.bufferStock() != null) {
      channel.holdBack(r.bufferStock());
    }
    if (r.credentials() != null) {
      channel.replaceCredentials(cipher.encrypt(r.credentials(), channel.sealContext("credentials")));
    }
    return audited(channel, "channel.update", before);
  }

  public ChannelView rotateWebhookSecret(UUID tenantId, UUID id, ChannelRequests.RotateSecret r) {
    var channel = channels.get(tenantId, id);
    var before = ChannelView.of(channel);
    int grace = r.graceSeconds() == null ? DEFAULT_GRACE_SECONDS : r.graceSeconds();
    channel.rotateWebhookSecret(cipher.encrypt(r.webhookSecret(), channel.sealContext("webhook_secret")),
        OffsetDateTime.now().plusSeconds(grace));
    return audited(channel, "channel.rotate-webhook-secret", before);
  }

  public void delete(UUID tenantId, UUID id) {
    var channel = channels.get(tenantId, id);
    if (channels.hasMappings(tenantId, id)) {
      throw ProblemException.conflict("channel " + id + " still has product mappings; delete them first");
    }
    var before = ChannelView.of(channel);
    channels.remove(channel);
    audit.record(tenantId, "channel.delete", "channel", id, before, null);
  }

  private ChannelView audited(Channel channel, String action, ChannelView before) {
    var after = ChannelView.of(channel);
    audit.record(channel.tenantId(), action, "channel", channel.id(), before, after);
    return after;
  }
}
