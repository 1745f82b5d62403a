package io.stocksync.channel.push;

/**
 * One level to write.
 *
 * @param externalId the channel's id of the item (mapping.external_id)
 * @param externalLocationId the channel's location, where the vendor needs one (mapping.external_location_id)
 * @param level the level to set (already max(0, on-hand - buffer))
 * @param expectedCurrent the level we believe the channel shows now (last pushed or reported), for vendors that
 *     write with compare-and-set; null when unknown
 * @param idempotencyKey a key the vendor can use to drop a repeated write (Square)
 */
public record LevelPush(String externalId, String externalLocationId, long level, Long expectedCurrent,
    String idempotencyKey) {}
