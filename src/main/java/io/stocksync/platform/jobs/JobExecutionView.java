package io.stocksync.platform.jobs;

import jakarta.batch.runtime.JobExecution;
import java.util.Date;

/** A job execution as the API shows it. */
public record JobExecutionView(long executionId, String jobName, String batchStatus, String exitStatus,
    Date startTime, Date endTime) {

  static JobExecutionView of(JobExecution e) {
    return new JobExecutionView(e.getExecutionId(), e.getJobName(), String.valueOf(e.getBatchStatus()),
        e.getExitStatus(), e.getStartTime(), e.getEndTime());
  }
}
