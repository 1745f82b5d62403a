package io.stocksync.platform.messaging;

import java.util.UUID;

/**
 * The message groups (JMSXGroupID) of our queues, defined once. Every group starts with the tenant id: a tenant's
 * webhook deliveries are one group, its Sync wake-ups one group per channel ("tenant:channel"), so the dead-letter
 * API can find a tenant's messages of either kind by the first part.
 */
public final class MessageGroups {

  public static final String PROPERTY = "JMSXGroupID";

  private MessageGroups() {}

  /** A tenant's webhook deliveries, applied one at a time in arrival order. */
  public static String tenant(UUID tenantId) {
    return tenantId.toString();
  }

  /** A tenant's Sync wake-ups for one channel: one Sync cycle at a time per channel. */
  public static String tenantAndChannel(UUID tenantId, UUID channelId) {
    return tenantId + ":" + channelId;
  }

  /** The tenant a group names, or null for no group. */
  public static String tenantOf(String group) {
    return group == null ? null : group.split(":", 2)[0];
  }

  /** A message selector for every group of the tenant. */
  public static String selectorOf(String tenantId) {
    String id = tenantId.replace("'", "''");
    return PROPERTY + " = '" + id + "' OR " + PROPERTY + " LIKE '" + id + ":%'";
  }
}
