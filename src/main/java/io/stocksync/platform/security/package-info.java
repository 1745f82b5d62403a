/** Who is calling: MicroProfile JWT bearer tokens carry the tenant and the role; no database hit. */
package io.stocksync.platform.security;
