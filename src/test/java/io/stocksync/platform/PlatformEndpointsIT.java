package io.stocksync.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stocksync.teststack.Api;
import io.stocksync.teststack.Deployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import java.net.URL;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The MicroProfile endpoints ops and clients rely on. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PlatformEndpointsIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.stocksync();
  }

  private final Api server = Api.server();

  @ArquillianResource
  URL base;

  @Test
  void platformOperationsRequireAPlatformAdmin() throws Exception {
    var anonymous = new Api(base.toURI());
    assertEquals(401, anonymous.post("api/v1/admin/jobs/webhook-delivery-purge", "{}").status());
    assertEquals(401, anonymous.get("api/v1/admin/probes/00000000-0000-0000-0000-000000000000").status());
    var tenantAdmin = anonymous.as(io.stocksync.devstack.DevToken.mint("tenant-admin", java.util.UUID.randomUUID()));
    assertEquals(403, tenantAdmin.post("api/v1/admin/jobs/webhook-delivery-purge", "{}").status());
  }

  @Test
  void metricsAreServedInPrometheusFormatWithoutAuthentication() {
    var metrics = server.get("metrics");
    assertEquals(200, metrics.status());
    assertTrue(metrics.body().contains("# TYPE"), "Prometheus text format");
    assertTrue(metrics.body().contains("jvm_uptime_seconds"), "base metrics present");
  }

  @Test
  void openApiDocumentDescribesTheApi() {
    var doc = server.get("openapi");
    assertEquals(200, doc.status());
    assertTrue(doc.body().contains("/api/v1/admin/probes"), doc.body());
    assertTrue(doc.body().contains("/api/v1/admin/jobs/{jobName}"), doc.body());
    for (String path : new String[] {"/api/v1/tenants", "/api/v1/channels", "/api/v1/products/{id}/stock",
        "/api/v1/products/by-sku/{sku}", "/api/v1/mappings", "/api/v1/products/{id}/adjustments", "/api/v1/audit",
        "/api/v1/products/imports/{id}/rows"}) {
      assertTrue(doc.body().contains(path), path + " documented");
    }
  }
}
