package io.stocksync.platform.jobs;

import com.ibm.websphere.security.auth.WSSubject;
import com.ibm.websphere.security.auth.callback.WSCallbackHandlerImpl;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.StepExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.PrivilegedAction;
import java.util.Base64;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;
import javax.security.auth.Subject;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs JobOperator calls as the application's own batch identity (a registry user with batchSubmitter and
 * batchMonitor). Liberty authorises every JobOperator call against the caller on the thread: a scheduler thread has
 * none, and a tenant's token must not carry batch roles, which would open /ibm/api/batch to it. The Guardian and
 * product imports use it; its registry user is configured as guardian.user (the Guardian was its first user).
 */
@ApplicationScoped
public class BatchIdentity {

  @Inject
  @ConfigProperty(name = "guardian.user", defaultValue = "guardian")
  String user;

  @Inject
  @ConfigProperty(name = "guardian.password", defaultValue = "")
  String password;

  /** Starts a job of this application as this identity; answers the job execution id. */
  public long start(String jobXmlName, Map<String, String> parameters) {
    var properties = new Properties();
    properties.putAll(parameters);
    return call(() -> BatchRuntime.getJobOperator().start(jobXmlName, properties));
  }

  /**
   * The batch status of the execution's first step, or null if it has none. Job listeners need it: the job's own
   * status (JobContext) still reads STARTED while they run.
   */
  public BatchStatus firstStepStatus(long executionId) {
    return call(() -> BatchRuntime.getJobOperator().getStepExecutions(executionId)).stream()
        .map(StepExecution::getBatchStatus).findFirst().orElse(null);
  }

  public <T> T call(Supplier<T> work) {
    @SuppressWarnings("unchecked")
    T result = (T) WSSubject.doAs(login(), (PrivilegedAction<T>) work::get);
    return result;
  }

  /** The identity as an HTTP Basic authorization, for Liberty's batch REST admin. */
  public String basicAuthorization() {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private Subject login() {
    try {
      var login = new LoginContext("WSLogin", new WSCallbackHandlerImpl(user, password));
      login.login();
      return login.getSubject();
    } catch (LoginException e) {
      throw new IllegalStateException("the Guardian's batch identity " + user + " could not log in", e);
    }
  }
}
