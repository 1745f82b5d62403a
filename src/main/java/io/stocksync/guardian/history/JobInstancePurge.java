package io.stocksync.guardian.history;

import io.stocksync.platform.jobs.BatchIdentity;
import io.stocksync.platform.json.JsonP;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.core.HttpHeaders;
import java.io.StringReader;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Purges job instances through Liberty's batch REST admin (DELETE /v4/jobinstances), the supported way to delete a
 * job's repository rows and its job log files together: Jakarta Batch has no purge, and Liberty's own is only
 * offered there. Called as the Guardian's batch identity, which as the jobs' submitter may purge them.
 */
@ApplicationScoped
public class JobInstancePurge {

  private static final Logger LOG = Logger.getLogger(JobInstancePurge.class.getName());

  @Inject
  @ConfigProperty(name = "stocksync.guardian.batch-admin-url")
  Optional<String> configuredUrl;

  @Inject
  @ConfigProperty(name = "https.port", defaultValue = "9443")
  int httpsPort;

  @Inject
  BatchIdentity identity;

  private Client client;

  @PostConstruct
  void open() {
    // Liberty's client uses the server's default SSL configuration, whose trust store holds its own certificate.
    client = ClientBuilder.newBuilder().connectTimeout(5, TimeUnit.SECONDS).readTimeout(5, TimeUnit.MINUTES)
        .build();
  }

  @PreDestroy
  void close() {
    client.close();
  }

  /**
   * Purges the instances; with storeOnly, only their repository rows (their job log files stay). Answers each
   * instance's status; one left out of Liberty's answer is GONE (not known to it) until checked.
   */
  public Map<Long, PurgeStatus> purge(Collection<Long> instanceIds, boolean storeOnly) {
    var statuses = new HashMap<Long, PurgeStatus>();
    if (instanceIds.isEmpty()) {
      return statuses;
    }
    instanceIds.forEach(id -> statuses.put(id, PurgeStatus.GONE));
    String ids = instanceIds.stream().map(String::valueOf).collect(Collectors.joining(","));
    try (var response = client.target(baseUrl()).path("v4/jobinstances").queryParam("jobInstanceId", ids)
        .queryParam("pageSize", instanceIds.size())
        .queryParam("purgeJobStoreOnly", storeOnly).request()
        .header(HttpHeaders.AUTHORIZATION, identity.basicAuthorization()).delete()) {
      String body = response.readEntity(String.class);
      if (response.getStatus() != 200) {
        throw new IllegalStateException("batch REST admin answered " + response.getStatus() + ": " + body);
      }
      try (var reader = JsonP.createReader(new StringReader(body))) {
        for (var value : reader.readArray()) {
          var result = (JsonObject) value;
          long id = result.getJsonNumber("instanceId").longValue();
          var status = PurgeStatus.of(result.getString("purgeStatus", ""));
          statuses.put(id, status);
          if (status == PurgeStatus.FAILED) {
            LOG.warning("Job instance " + id + " was not purged" + (storeOnly ? " from the job repository" : "")
                + ": " + result.getString("message", ""));
          }
        }
      }
    }
    return statuses;
  }

  private String baseUrl() {
    return configuredUrl.orElse("https://localhost:" + httpsPort + "/ibm/api/batch");
  }
}
