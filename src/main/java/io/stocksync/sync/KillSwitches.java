package io.stocksync.sync;

/** The SQL condition "no kill switch stops this channel's pushes", for queries that alias tenant t, channel c. */
final class KillSwitches {

  static final String NONE_SET = "NOT EXISTS (SELECT 1 FROM kill_switch k WHERE (k.scope = 'TENANT'"
      + " AND k.target = CAST(c.tenant_id AS text)) OR (k.scope = 'CHANNEL_TYPE' AND k.target = c.type))";

  private KillSwitches() {}
}
