/**
 * Alert notifications: each alert raised or resolved is POSTed to the tenant's notification URL in the Standard
 * Webhooks format (webhook-id, webhook-timestamp, webhook-signature with the tenant's secret), from the
 * alert_notification outbox, by a worker of its own; every attempt is recorded and listed to the tenant.
 */
package io.stocksync.alert.notify;
