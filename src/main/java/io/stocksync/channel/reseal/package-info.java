/**
 * Batch job secret-reseal: re-encrypts channel secrets, then tenants' alert notification secrets, sealed with a
 * retired key under the active key.
 */
package io.stocksync.channel.reseal;
