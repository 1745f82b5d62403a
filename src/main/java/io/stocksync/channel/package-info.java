/** A tenant's connected sales channels: type, API address, encrypted credentials, webhook secrets, buffer stock. */
package io.stocksync.channel;
