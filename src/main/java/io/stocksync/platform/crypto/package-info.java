/** Channel credentials and webhook secrets at rest: AES-256-GCM with a rotatable key ring from MicroProfile Config. */
package io.stocksync.platform.crypto;
