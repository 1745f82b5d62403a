package io.stocksync.catalog.imports;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stocksync.teststack.Api;
import io.stocksync.teststack.BatchAdmin;
import io.stocksync.teststack.Deployments;
import io.stocksync.teststack.Sql;
import io.stocksync.teststack.TestTenant;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A shop imports a CSV file: the product-import batch job creates and updates products, writes IMPORT movements,
 * rejects bad rows one by one, and a failed run restarted through Liberty's batch REST admin applies no row twice.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ProductImportIT {

  private static final Duration JOB = Duration.ofSeconds(60);

  @ArquillianResource
  URL base;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.stocksync();
  }

  private static Api.Response upload(Api api, String csv) {
    return api.send(api.request("api/v1/products/imports").header("Content-Type", "text/csv")
        .POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8)));
  }

  private static JsonObject awaitEnded(TestTenant tenant, String importId) {
    return await().atMost(JOB).pollInterval(Duration.ofMillis(300))
        .until(() -> tenant.user().get("api/v1/products/imports/" + importId).json(),
            i -> !i.getString("status").matches("QUEUED|RUNNING"));
  }

  @Test
  void aFileCreatesAndUpdatesProductsAndRejectsOnlyItsBadRows() throws Exception {
    var tenant = TestTenant.create(base.toURI(), "Import shop", "STARTER");
    String mug = tenant.product("MUG-1", 10);
    var accepted = upload(tenant.admin(), "sku,name,on_hand,low_stock_threshold,Shop expected\n"
        + "MUG-1,Mug (blue),15,3,99\n"   // row 2: renamed, threshold set, on-hand 10 -> 15
        + "PLATE-1,Plate,7,\n"           // row 3: created with 7
        + "BOWL-1,,4,\n"                 // row 4: new without a name
        + "CUP-1,Cup,seven,\n"           // row 5: not a number
        + "MUG-1,Mug (blue),15,3,0\n");  // row 6: nothing left to change
    assertEquals(202, accepted.status(), accepted.body());
    String id = accepted.json().getString("id");
    assertTrue(accepted.header("Location").endsWith("/api/v1/products/imports/" + id), accepted.header("Location"));
    assertEquals(5, accepted.json().getInt("rows"));

    var done = awaitEnded(tenant, id);
    assertEquals("COMPLETED", done.getString("status"), done.toString());
    assertEquals(List.of(1, 1, 1, 2, 0), List.of(done.getInt("created"), done.getInt("updated"),
        done.getInt("unchanged"), done.getInt("rejected"), done.getInt("pending")), done.toString());

    var updated = tenant.user().get("api/v1/products/" + mug).json();
    assertEquals("Mug (blue)", updated.getString("name"));
    assertEquals(15, updated.getJsonNumber("onHand").longValue());
    assertEquals(3, updated.getInt("lowStockThreshold"));
    var movements = tenant.user().get("api/v1/products/" + mug + "/movements").json().getJsonArray("items");
    var last = movements.getJsonObject(0);
    assertEquals("IMPORT", last.getString("reason"), last.toString());
    assertEquals(5, last.getJsonNumber("delta").longValue());
    assertEquals(2, movements.size(), "the opening stock and one import movement: " + movements);

    var plate = tenant.user().get("api/v1/products/by-sku/PLATE-1").json();
    assertEquals(7, plate.getJsonNumber("onHand").longValue());
    assertEquals(404, tenant.user().get("api/v1/products/by-sku/BOWL-1").status());

    var rejected = tenant.user().get("api/v1/products/imports/" + id + "/rows?outcome=REJECTED").json()
        .getJsonArray("items");
    assertEquals(2, rejected.size(), rejected.toString());
    assertEquals(4, rejected.getJsonObject(0).getInt("row"));
    assertEquals("name is required for a new product", rejected.getJsonObject(0).getString("message"));
    assertEquals(5, rejected.getJsonObject(1).getInt("row"));
    assertTrue(rejected.getJsonObject(1).getString("message").startsWith("on_hand must be a whole number"));

    var listed = tenant.user().get("api/v1/products/imports?limit=1").json().getJsonArray("items");
    assertEquals(id, listed.getJsonObject(0).getString("id"));
    long instance = done.getJsonNumber("jobInstanceId").longValue();
    var admin = new BatchAdmin();
    assertEquals("COMPLETED", admin.batchStatus(admin.latestExecution(instance)), "visible in /ibm/api/batch");
    assertEquals(1, Sql.count("SELECT count(*) FROM audit_entry WHERE tenant_id = ? AND action = 'product.import'"
        + " AND entity_id = CAST(? AS text)", tenant.id(), mug), "the update is audited");
  }

  @Test
  void aFileThatIsNotAnImportIsRefusedWholeAndOnlyAdminsMayImport() throws Exception {
    var tenant = TestTenant.create(base.toURI(), "Refusing shop", "STARTER");
    var noSku = upload(tenant.admin(), "name,on_hand\nMug,1\n");
    assertEquals(422, noSku.status(), noSku.body());
    assertTrue(noSku.header("Content-Type").startsWith("application/problem+json"));
    assertTrue(noSku.body().contains("sku column"), noSku.body());
    assertEquals(422, upload(tenant.admin(), "sku,name\nA,\"open\n").status(), "not CSV");
    assertEquals(403, upload(tenant.user(), "sku,name\nA,Mug\n").status(), "a tenant user may not import");
    var json = tenant.admin().post("api/v1/products/imports", "{\"sku\":\"A\"}");
    assertEquals(415, json.status(), json.body());
    var tooLarge = upload(tenant.admin(), "sku,name\n" + "A,x\n".repeat(16 * 1024 * 1024 / 4 + 1));
    assertEquals(413, tooLarge.status(), tooLarge.body());
    assertEquals(0, tenant.user().get("api/v1/products/imports").json().getJsonArray("items").size(),
        "nothing refused was stored");
  }

  @Test
  void anotherTenantsImportIsNotFound() throws Exception {
    var owner = TestTenant.create(base.toURI(), "Import owner", "STARTER");
    var other = TestTenant.create(base.toURI(), "Import neighbour", "STARTER");
    String id = upload(owner.admin(), "sku,name,on_hand\nSECRET-1,Secret,1\n").json().getString("id");
    awaitEnded(owner, id);
    assertEquals(404, other.user().get("api/v1/products/imports/" + id).status());
    assertEquals(404, other.user().get("api/v1/products/imports/" + id + "/rows").status());
    assertEquals(0, other.user().get("api/v1/products/imports").json().getJsonArray("items").size());
    assertEquals(404, other.user().get("api/v1/products/by-sku/SECRET-1").status());
  }

  @Test
  void aFailedImportRestartedThroughTheBatchAdminAppliesEachRowOnce() throws Exception {
    var tenant = TestTenant.create(base.toURI(), "Restarted import shop", "STARTER");
    var csv = new StringBuilder("sku,name,on_hand\n");
    for (int i = 1; i <= 10; i++) {
      csv.append("R-").append(i).append(",Row ").append(i).append(',').append(i).append('\n');
    }
    // As ops rehearse it: the import is stored, and its job submitted through /ibm/api/batch with the test hook.
    String id = UUID.randomUUID().toString();
    Sql.update("INSERT INTO product_import (id, tenant_id, status, content, rows_total, requested_by)"
        + " VALUES (?, ?, 'QUEUED', ?, 10, 'ops')", id, tenant.id().toString(),
        csv.toString().getBytes(StandardCharsets.UTF_8));
    var admin = new BatchAdmin();
    long instance = admin.submit("product-import", "{\"importId\":\"" + id + "\",\"tenantId\":\"" + tenant.id()
        + "\",\"chunkSize\":\"3\",\"failAtRow\":\"6\"}").getJsonNumber("instanceId").longValue();
    long first = admin.awaitEnded(instance, 1);
    assertEquals("FAILED", admin.batchStatus(first));
    var failed = awaitEnded(tenant, id);
    assertEquals("FAILED", failed.getString("status"));
    assertEquals(3, failed.getInt("created"), "rows 2-4 committed; the chunk of rows 5-7 rolled back: " + failed);
    assertEquals(7, failed.getInt("pending"));

    admin.restart(instance, "{}");
    long second = admin.awaitEnded(instance, 2);
    assertEquals("COMPLETED", admin.batchStatus(second));
    var done = awaitEnded(tenant, id);
    assertEquals("COMPLETED", done.getString("status"));
    assertEquals(10, done.getInt("created"), done.toString());
    assertEquals(10, Sql.count("SELECT count(*) FROM stock_movement WHERE tenant_id = ? AND reason = 'IMPORT'",
        tenant.id().toString()), "one IMPORT movement per row, none repeated by the restart");
    assertEquals(55, Sql.count("SELECT sum(on_hand) FROM product WHERE tenant_id = ?", tenant.id().toString()));
  }
}
