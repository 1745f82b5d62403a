/**
 * Any other system. Webhooks in the Standard Webhooks format (webhook-id, webhook-timestamp, webhook-signature);
 * levels pushed through our own small generic stock API:
 *
 * <pre>
 * PUT {base}/stock                      write levels, at most 100 items a call
 *   Authorization: Bearer {token}       the channel's credentials
 *   Idempotency-Key: {uuid}             the same for a repeated call with the same items
 *   Content-Type: application/json
 *   [{"externalId": "SKU-1", "level": 7}, {"externalId": "SKU-2", "level": 0}]
 * answers
 *   204, or 200 without "results"       every item was written
 *   200 {"results": [{"externalId": "SKU-1", "status": "ok"},
 *                    {"externalId": "SKU-2", "status": "error", "error": "unknown item"}]}
 *   other 4xx                           nothing was written (the body says why)
 *   401 / 403                           credentials refused
 *   429 or 503 with Retry-After         come back after that many seconds (or that HTTP date)
 *   other 5xx                           try again
 *
 * GET {base}/stock?externalId=SKU-1&amp;externalId=SKU-2     at most 100 ids
 *   200 [{"externalId": "SKU-1", "level": 7}]      ids the system does not know are left out
 * </pre>
 */
package io.stocksync.channel.generic;
