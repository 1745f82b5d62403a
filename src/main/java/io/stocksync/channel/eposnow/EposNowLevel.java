package io.stocksync.channel.eposnow;

/**
 * One product's stock at one Epos Now location, as the ProductStock endpoints answer it.
 *
 * @param productId Epos Now's product id (mapping.external_id)
 * @param locationId Epos Now's location id (mapping.external_location_id)
 * @param level the units in stock: the sum of the row's stock batches, rounded down (products sold by volume can
 *     hold fractions)
 */
public record EposNowLevel(String productId, String locationId, long level) {}
