/** Benchmark commands (not tests): run by hand against the server of the run command, results in docs/. */
package io.stocksync.bench;
