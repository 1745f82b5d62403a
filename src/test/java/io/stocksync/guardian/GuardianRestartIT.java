package io.stocksync.guardian;

import static io.stocksync.guardian.GuardianFixtures.count;
import static io.stocksync.guardian.GuardianFixtures.shop;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stocksync.channel.standin.GenericStandIn;
import io.stocksync.channel.standin.WooCommerceStandIn;
import io.stocksync.teststack.BatchAdmin;
import io.stocksync.teststack.Deployments;
import io.stocksync.teststack.TestStack;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A Guardian run forced to fail at a known item, then restarted by ops through Liberty's batch REST admin: only the
 * failed partition runs again, from its checkpoint, and no repair is made twice.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class GuardianRestartIT {

  static GenericStandIn generic;
  static WooCommerceStandIn woo;

  @ArquillianResource
  URL base;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.stocksync();
  }

  @BeforeAll
  static void startStandIns() {
    generic = new GenericStandIn();
    woo = new WooCommerceStandIn();
  }

  @AfterAll
  static void stopStandIns() {
    generic.close();
    woo.close();
  }

  @Test
  void aFailedPartitionRestartsFromItsCheckpointThroughTheBatchRestAdminAndRepeatsNoRepair() throws Exception {
    // Ten mappings on the generic channel, each showing one unit too many: ten repairs, five pages of two.
    var shop = shop(base.toURI(), "Restart shop", generic, 30, 10);
    shop.items().forEach(i -> generic.setLevel(i.externalId(), 31));
    var wooShop = shop.withChannel("WOOCOMMERCE", woo, WooCommerceStandIn.credentials(), 0, 30, 2);
    String failAt = shop.item(6).externalId(); // on the fourth page
    int writes = generic.writeCalls();
    int reads = generic.readCalls();
    int wooReads = woo.readCalls();

    var admin = new BatchAdmin();
    long instance = admin.submit("guardian-reconcile", "{\"tenantId\":\"" + shop.tenant().id()
        + "\",\"pageSize\":\"2\",\"failOnExternalId\":\"" + failAt + "\"}").getJsonNumber("instanceId").longValue();
    long first = admin.awaitEnded(instance, 1);
    assertEquals("FAILED", admin.batchStatus(first));
    // What ops read for a failed run (docs/operations.md): the job log names the failure.
    String log = admin.call("GET", "jobexecutions/" + first + "/joblogs?type=text", null, 200).body();
    assertTrue(log.contains("GuardianForcedFailure"), "the failure in the job log");
    assertEquals(writes + 3, generic.writeCalls(), "pages 1-3 repaired, one push call each");
    assertEquals(reads + 3, generic.readCalls(), "page 4 failed before its read");
    assertEquals(wooReads + 1, woo.readCalls(), "the WooCommerce partition completed in the first execution");
    for (int i = 0; i < 10; i++) {
      assertEquals(i < 6 ? 30L : 31L, generic.level(shop.item(i).externalId()), "item " + i);
    }

    // Ops restart with no job parameters: the run is found by its job instance, the defaults apply (page 100).
    admin.restart(instance, "{}");
    long second = admin.awaitEnded(instance, 2);
    assertEquals("COMPLETED", admin.batchStatus(second));
    assertEquals(writes + 4, generic.writeCalls(), "one more push call, for items 7-10 only");
    assertEquals(reads + 4, generic.readCalls(), "resumed after page 3: one read of the four remaining items");
    assertEquals(wooReads + 1, woo.readCalls(), "the completed partition did not run again");
    shop.items().forEach(i -> assertEquals(30L, generic.level(i.externalId())));

    var run = shop.tenant().user().get("api/v1/guardian/runs").parse().asJsonArray().getJsonObject(0);
    assertEquals("OPS", run.getString("trigger"));
    assertEquals("COMPLETED", run.getString("batchStatus"));
    assertEquals(second, run.getJsonNumber("executionId").longValue());
    var summary = run.getJsonObject("summary");
    assertEquals(12, summary.getInt("checked"), summary.toString());
    assertEquals(10, summary.getInt("repaired"), summary.toString());
    assertEquals(2, summary.getInt("inSync"), summary.toString());
    assertEquals(10, count("SELECT count(*) FROM sync_event WHERE tenant_id = ? AND request_id = ?",
        shop.tenant().id(), "guardian:" + run.getString("id")), "one sync event per repair, none repeated");
    assertEquals(30L, woo.level(wooShop.item(0).externalId()));
  }

  @Test
  void everyForeignKeyOfTheJobRepositoryIsIndexed() throws Exception {
    // The repository finds a job's executions, parameters, steps and partitions by these keys; an unindexed one is
    // a scan of the whole job history on every run (db-migrations/V24). Lists the foreign keys no index leads with.
    try (var c = TestStack.jdbc(); var rs = c.createStatement().executeQuery("SELECT string_agg(k.conrelid::regclass"
        + " || '.' || a.attname, ', ') FROM pg_constraint k JOIN pg_attribute a ON a.attrelid = k.conrelid"
        + " AND a.attnum = k.conkey[1] WHERE k.contype = 'f' AND k.connamespace = 'batch'::regnamespace AND NOT EXISTS"
        + " (SELECT 1 FROM pg_index i WHERE i.indrelid = k.conrelid AND i.indkey[0] = k.conkey[1])")) {
      rs.next();
      assertNull(rs.getString(1), "foreign keys without an index");
    }
    assertEquals(9, count("SELECT count(*) FROM pg_constraint WHERE contype = 'f'"
        + " AND connamespace = 'batch'::regnamespace"), "the job repository's foreign keys");
  }

}
