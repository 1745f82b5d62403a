/** The audit trail: who changed what, before and after, with the request id; written in the mutation's transaction. */
package io.stocksync.platform.audit;
