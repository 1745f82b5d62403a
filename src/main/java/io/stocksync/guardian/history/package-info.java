/**
 * Guardian history retention: runs that ended longer ago than the retention are purged from Liberty's job
 * repository and job logs (through its batch REST admin) and then from guardian_run.
 */
package io.stocksync.guardian.history;
