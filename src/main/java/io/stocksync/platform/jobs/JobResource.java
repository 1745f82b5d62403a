package io.stocksync.platform.jobs;

import io.stocksync.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Platform jobs that operators may start from the API; each is also visible in /ibm/api/batch. */
@Path("admin/jobs")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PLATFORM_ADMIN)
public class JobResource {

  private static final Set<String> STARTABLE = Set.of("webhook-delivery-purge", "secret-reseal");

  @POST
  @Path("{jobName}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Start a platform job with optional job parameters")
  public Response start(@PathParam("jobName") String jobName, Map<String, String> parameters) {
    if (!STARTABLE.contains(jobName)) {
      throw new NotFoundException("no startable job named " + jobName);
    }
    Properties props = new Properties();
    if (parameters != null) {
      parameters.forEach((k, v) -> {
        if (v == null) {
          throw new BadRequestException("job parameter " + k + " has no value");
        }
        props.setProperty(k, v);
      });
    }
    long executionId = operator().start(jobName, props);
    return Response.accepted(JobExecutionView.of(operator().getJobExecution(executionId))).build();
  }

  @GET
  @Path("executions/{executionId}")
  @Operation(summary = "Status of a job execution")
  public JobExecutionView execution(@PathParam("executionId") long executionId) {
    try {
      return JobExecutionView.of(operator().getJobExecution(executionId));
    } catch (NoSuchJobExecutionException e) {
      throw new NotFoundException("no job execution " + executionId);
    }
  }

  private static JobOperator operator() {
    return BatchRuntime.getJobOperator();
  }
}
