/** Batch job secret-reseal: re-encrypts channel secrets sealed with a retired key under the active key. */
package io.stocksync.channel.reseal;
