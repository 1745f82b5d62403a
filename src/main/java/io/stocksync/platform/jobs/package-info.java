/** Starting and following batch jobs from the application's API (the JobOperator); ops also use /ibm/api/batch. */
package io.stocksync.platform.jobs;
