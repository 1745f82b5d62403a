package io.stocksync.sync;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stocksync.channel.standin.GenericStandIn;
import io.stocksync.teststack.Deployments;
import io.stocksync.teststack.Metrics;
import io.stocksync.teststack.Started;
import io.stocksync.teststack.TestTenant;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The tier's sync concurrency on the real stack: a change to a product on three channels of a slow vendor reaches
 * a STARTER tenant's channels (2 at once) and a PRO tenant's (4 at once), each vendor counting the writes it holds
 * at the same time. Each tenant has a vendor of its own, so the two counts do not mix.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SyncConcurrencyIT {

  private static final Duration WRITE_TAKES = Duration.ofMillis(1_500);

  @RegisterExtension
  static final Started<GenericStandIn> starterVendor = Started.by(GenericStandIn::new);

  @RegisterExtension
  static final Started<GenericStandIn> proVendor = Started.by(GenericStandIn::new);

  @ArquillianResource
  URL base;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.stocksync();
  }

  /** A tenant with one product of 10 on three channels of the vendor, all showing 10. */
  private record Shop(TestTenant tenant, String product, List<String> items) {}

  private static Shop shop(URI base, String tier, GenericStandIn vendor) {
    var tenant = TestTenant.create(base, tier + " concurrency shop", tier);
    String product = tenant.product("SC-" + UUID.randomUUID(), 10);
    var items = new ArrayList<String>();
    for (int i = 1; i <= 3; i++) {
      String channel = tenant.channel("GENERIC", "System " + i, 0, vendor.baseUrl(), GenericStandIn.TOKEN,
          "whsec-" + i);
      String item = "item-" + UUID.randomUUID();
      tenant.mapping(product, channel, item);
      vendor.setLevel(item, 10);
      items.add(item);
    }
    return new Shop(tenant, product, items);
  }

  @Test
  void aTenantPushesToNoMoreChannelsAtOnceThanItsTierAllowsAndTheWaitingOnesFollow() throws Exception {
    var starterVendor = SyncConcurrencyIT.starterVendor.get();
    var proVendor = SyncConcurrencyIT.proVendor.get();
    var starter = shop(base.toURI(), "STARTER", starterVendor);
    var pro = shop(base.toURI(), "PRO", proVendor);
    double waitsBefore = waits();
    starterVendor.holdWrites(WRITE_TAKES);
    proVendor.holdWrites(WRITE_TAKES);

    for (var shop : List.of(starter, pro)) {
      var set = shop.tenant().admin().post("api/v1/products/" + shop.product() + "/adjustments", "{\"setTo\":7}");
      assertEquals(201, set.status(), set.body());
    }

    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> showsSeven(starter,
        starterVendor) && showsSeven(pro, proVendor));
    assertEquals(3, starterVendor.writeCalls(), "one write per channel: waiting did not repeat a push");
    assertEquals(3, proVendor.writeCalls());
    assertTrue(starterVendor.mostConcurrentWrites() <= 2,
        "STARTER: at most 2 channels at once, saw " + starterVendor.mostConcurrentWrites());
    assertEquals(3, proVendor.mostConcurrentWrites(), "PRO (4 at once) pushed its three channels together");
    assertTrue(waits() >= waitsBefore + 1,
        "the STARTER tenant's third channel waited for a slot");
  }

  private static double waits() {
    return Metrics.value(Metrics.scrape(), "stocksync_sync_waits_total", "");
  }

  private static boolean showsSeven(Shop shop, GenericStandIn vendor) {
    return shop.items().stream().allMatch(item -> Long.valueOf(7).equals(vendor.level(item)));
  }
}
