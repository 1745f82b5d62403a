package io.stocksync.alert.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The check before each attempt: a host that now resolves to a forbidden address gets no request. */
class NotificationSenderTest {

  private final List<String> recorded = new ArrayList<>();

  @Test
  void aHostReboundToAPrivateAddressSinceItWasSetIsNotCalled() {
    var sender = new NotificationSender();
    sender.outbox = new NotificationOutbox() {
      @Override
      public void recordAttempt(DueNotification n, Integer responseStatus, String error, long latencyMs) {
        recorded.add(responseStatus + " " + error);
      }
    };
    sender.targets = new NotificationTargets(false, false, NotificationSenderTest::rebound);
    sender.connectTimeout = Duration.ofSeconds(1);
    sender.requestTimeout = Duration.ofSeconds(1);
    sender.init();
    var due = new DueNotification(1, UUID.randomUUID(), UUID.randomUUID(), "alert.raised", "msg_1", Instant.now(), 0,
        "https://hooks.shop.example/alerts", "sealed", null);

    var refused = assertThrows(NotificationRefusedException.class,
        () -> sender.send(due, List.of(WebhookSigner.newSecret()), new byte[0]));
    String why = "refused: the notification host hooks.shop.example resolves to 169.254.169.254, a link-local"
        + " (cloud metadata lives here) address; notifications go to public addresses only";
    assertEquals(why, refused.getMessage());
    assertEquals(List.of("null " + why), recorded, "the attempt is listed to the tenant, with no HTTP status");
  }

  private static InetAddress[] rebound(String host) throws UnknownHostException {
    return new InetAddress[] {InetAddress.getByName("169.254.169.254")};
  }
}
