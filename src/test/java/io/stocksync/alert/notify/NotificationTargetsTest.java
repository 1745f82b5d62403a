package io.stocksync.alert.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NotificationTargetsTest {

  /** A resolver for the test's names only; literals resolve as Java resolves them. */
  private static InetAddress[] resolve(String host) throws UnknownHostException {
    var names = Map.of("hooks.shop.example", "93.184.215.14", "internal.shop.example", "10.0.0.8",
        "mixed.shop.example", "93.184.215.14,169.254.169.254");
    String answer = names.get(host);
    if (answer == null && host.endsWith(".example")) {
      throw new UnknownHostException(host);
    }
    if (answer == null) {
      return InetAddress.getAllByName(host);
    }
    String[] literals = answer.split(",");
    InetAddress[] addresses = new InetAddress[literals.length];
    for (int i = 0; i < literals.length; i++) {
      addresses[i] = InetAddress.getByName(literals[i]);
    }
    return addresses;
  }

  private final NotificationTargets production = new NotificationTargets(false, false,
      NotificationTargetsTest::resolve);

  @Test
  void aPublicHttpsUrlIsAccepted() {
    assertEquals(Optional.empty(), production.refusalToSet("https://hooks.shop.example/stocksync?x=1"));
    assertEquals(Optional.empty(), production.refusalToSend("https://hooks.shop.example:8443/alerts"));
    assertEquals(Optional.empty(), production.refusalToSet("HTTPS://93.184.215.14/alerts"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://127.0.0.1/x", "https://localhost/x", "https://[::1]/x", "https://2130706433/x",
      "https://169.254.169.254/latest/meta-data", "https://[::ffff:169.254.169.254]/x", "https://10.1.2.3/x",
      "https://internal.shop.example/x", "https://mixed.shop.example/x", "https://100.64.0.1/x",
      "https://[fd00::1]/x", "https://[fe80::1]/x", "https://0.0.0.0/x", "https://224.0.0.1/x"})
  void aHostResolvingToANonPublicAddressIsRefused(String url) {
    var refusal = production.refusalToSet(url);
    assertTrue(refusal.isPresent() && refusal.get().contains("public addresses only"), url + ": " + refusal);
    assertEquals(refusal, production.refusalToSend(url));
  }

  @Test
  void theRefusalNamesTheAddressAndWhatItIs() {
    assertEquals(Optional.of("the notification host mixed.shop.example resolves to 169.254.169.254, a link-local"
        + " (cloud metadata lives here) address; notifications go to public addresses only"),
        production.refusalToSet("https://mixed.shop.example/x"));
  }

  @Test
  void userInfoOtherSchemesAndPlainHttpAreRefused() {
    assertEquals(Optional.of("the notification URL must not carry user info (user:password@)"),
        production.refusalToSet("https://user:pw@hooks.shop.example/x"));
    assertEquals(Optional.of("the notification URL must be https (plain http is not allowed on this server)"),
        production.refusalToSet("http://hooks.shop.example/x"));
    assertEquals(Optional.of("the notification URL must be https (plain http is not allowed on this server)"),
        production.refusalToSet("ftp://hooks.shop.example/x"));
    assertEquals(Optional.of("the notification URL must be https (plain http is not allowed on this server)"),
        production.refusalToSet("file:///etc/passwd"));
    assertEquals(Optional.of("the notification URL has no host"), production.refusalToSet("https:///x"));
    assertEquals(Optional.of("the notification URL must not name a network interface (IPv6 zone id)"),
        production.refusalToSet("https://[fe80::1%25eth0]/x"));
    assertTrue(production.refusalToSet("https://[fe80::zz]/x").orElseThrow().startsWith(
        "the notification URL is not a valid URL"));
    assertTrue(production.refusalToSet("https://hooks.shop.example/a b").orElseThrow().startsWith(
        "the notification URL is not a valid URL"));
  }

  @Test
  void anUnresolvableHostMayBeSetButNothingIsSentToIt() {
    assertEquals(Optional.empty(), production.refusalToSet("https://not-yet.shop.example/x"));
    assertEquals(Optional.of("the notification host not-yet.shop.example does not resolve"),
        production.refusalToSend("https://not-yet.shop.example/x"));
  }

  @Test
  void aDevelopmentServerMayAllowPrivateTargetsAndPlainHttp() {
    var dev = new NotificationTargets(true, true, NotificationTargetsTest::resolve);
    assertEquals(Optional.empty(), dev.refusalToSet("http://127.0.0.1:8080/alerts"));
    assertEquals(Optional.empty(), dev.refusalToSend("http://internal.shop.example/alerts"));
    assertEquals(Optional.of("the notification URL must be http or https"), dev.refusalToSet("ftp://127.0.0.1/"));
    assertEquals(Optional.of("the notification URL must not carry user info (user:password@)"),
        dev.refusalToSet("http://u@127.0.0.1/"));
  }
}
