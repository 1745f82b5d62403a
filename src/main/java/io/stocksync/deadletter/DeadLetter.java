package io.stocksync.deadletter;

import java.time.OffsetDateTime;

/**
 * One dead-lettered message as operators see it.
 *
 * @param messageId the JMS message id (replay by this id)
 * @param originalQueue the address it was dead-lettered from (stocksync.webhooks, stocksync.sync, ...)
 * @param tenantId the tenant its message group names (every stocksync message is grouped by tenant, Sync's by
 *     tenant and channel), if any
 * @param deliveryCount how often the broker tried to deliver it before giving up
 * @param body the message body, cut at 2,000 characters (bodies hold ids, never secrets)
 */
public record DeadLetter(String messageId, String originalQueue, String tenantId, Integer deliveryCount,
    OffsetDateTime sentAt, String body) {}
