package io.stocksync.inbox.retention;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stocksync.teststack.Api;
import io.stocksync.teststack.BatchAdmin;
import io.stocksync.teststack.Deployments;
import jakarta.json.JsonObject;
import java.net.URL;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The first batch job, run through the application's JobOperator and through Liberty's batch REST admin. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DeliveryPurgeJobIT {

  private static final Duration OLD = Duration.ofDays(40);
  private static final Duration RECENT = Duration.ofDays(2);

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.stocksync();
  }

  @ArquillianResource
  URL base;

  @Test
  void purgeRunsToCompletionThroughTheJobOperator() throws Exception {
    DeliveryFixtures.seed("purge-op", 1_200, "PROCESSED", OLD);
    DeliveryFixtures.seed("purge-op", 30, "ACCEPTED", OLD); // still waiting to be processed: must survive
    DeliveryFixtures.seed("purge-op", 25, "PROCESSED", RECENT); // within retention: must survive

    var api = new Api(base.toURI()).asPlatformAdmin();
    var started = api.post("api/v1/admin/jobs/webhook-delivery-purge", "{\"chunkSize\":\"100\"}");
    assertEquals(202, started.status(), started.body());
    long executionId = started.json().getJsonNumber("executionId").longValue();

    JsonObject finished = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
        .until(() -> api.get("api/v1/admin/jobs/executions/" + executionId).json(),
            e -> !e.getString("batchStatus").matches("STARTING|STARTED"));
    assertEquals("COMPLETED", finished.getString("batchStatus"));
    assertEquals(25, DeliveryFixtures.count("purge-op", "PROCESSED"), "only the recent finished deliveries remain");
    assertEquals(30, DeliveryFixtures.count("purge-op", "ACCEPTED"), "unprocessed deliveries kept");
  }

  @Test
  void unknownJobIsNotStartable() throws Exception {
    var api = new Api(base.toURI()).asPlatformAdmin();
    assertEquals(404, api.post("api/v1/admin/jobs/no-such-job", "{}").status());
  }

  @Test
  void opsStopAndRestartThroughTheBatchRestAdmin() throws Exception {
    DeliveryFixtures.seed("purge-ops", 40_000, "PROCESSED", OLD);
    var admin = new BatchAdmin();

    JsonObject instance = admin.submit("webhook-delivery-purge", "{\"chunkSize\":\"20\",\"pageSize\":\"20\"}");
    long instanceId = instance.getJsonNumber("instanceId").longValue();
    long firstExecution = await().atMost(Duration.ofSeconds(30))
        .until(() -> admin.executions(instanceId), a -> !a.isEmpty())
        .getJsonObject(0).getJsonNumber("executionId").longValue();
    // Stop once the job is visibly under way, so that the restart has a checkpoint to continue from.
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
        .until(() -> DeliveryFixtures.count("purge-ops"), n -> n < 40_000);

    admin.stop(firstExecution);
    await().atMost(Duration.ofSeconds(60)).until(() -> admin.batchStatus(firstExecution), "STOPPED"::equals);
    int leftAfterStop = DeliveryFixtures.count("purge-ops");
    assertTrue(leftAfterStop > 0 && leftAfterStop < 40_000,
        "stopped part-way: some purged, some left (" + leftAfterStop + " left)");

    admin.restart(instanceId, "{\"chunkSize\":\"500\"}");
    long secondExecution = await().atMost(Duration.ofSeconds(30))
        .until(() -> admin.executions(instanceId), a -> a.size() == 2)
        .stream().map(JsonObject.class::cast).mapToLong(e -> e.getJsonNumber("executionId").longValue())
        .max().orElseThrow();
    await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
        .until(() -> admin.batchStatus(secondExecution), s -> !s.matches("STARTING|STARTED"));
    assertEquals("COMPLETED", admin.batchStatus(secondExecution));
    assertEquals(0, DeliveryFixtures.count("purge-ops"), "restart purged the rest from the checkpoint");
    var listed = (jakarta.json.JsonArray) admin.call("GET", "jobinstances", null, 200).parse();
    assertTrue(listed.stream().map(JsonObject.class::cast)
        .anyMatch(i -> i.getJsonNumber("instanceId").longValue() == instanceId), "ops can list the job's instances");
  }
}
