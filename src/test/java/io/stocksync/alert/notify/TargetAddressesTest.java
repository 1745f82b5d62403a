package io.stocksync.alert.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TargetAddressesTest {

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({
      "127.0.0.1, loopback", "127.255.255.254, loopback", "127.1, loopback",
      "2130706433, loopback", // decimal form of 127.0.0.1, which Java's resolver accepts
      "10.0.0.1, private", "10.255.255.255, private", "172.16.0.1, private", "172.31.255.255, private",
      "192.168.1.1, private",
      "100.64.0.1, carrier-grade NAT", "100.127.255.255, carrier-grade NAT",
      "169.254.169.254, link-local (cloud metadata lives here)", "169.254.0.1, link-local (cloud metadata lives here)",
      "0.0.0.0, unspecified", "0, unspecified", "0.1.2.3, unspecified",
      "224.0.0.1, multicast", "239.255.255.250, multicast",
      "255.255.255.255, reserved (and broadcast)", "240.0.0.1, reserved (and broadcast)",
      "192.0.0.170, reserved for protocol assignments", "198.18.0.1, reserved for benchmarking",
      "::1, loopback", "::, unspecified", "fc00::1, private (unique local)", "fd12:3456:789a::1, private (unique local)",
      "fe80::1, link-local", "febf:ffff::1, link-local", "fec0::1, private (site-local)",
      "ff02::1, multicast", "ff0e::1, multicast", "100::1, reserved for discard"})
  void refusesEveryNonPublicAddress(String literal, String kind) throws Exception {
    assertEquals(Optional.of(kind), TargetAddresses.forbiddenKind(InetAddress.getByName(literal)), literal);
  }

  @ParameterizedTest(name = "{0} carries {1}")
  @CsvSource({
      "::ffff:127.0.0.1, loopback", // Java answers an Inet4Address for this literal: judged as 127.0.0.1
      "::ffff:169.254.169.254, link-local", "::ffff:a9fe:a9fe, link-local",
      "::127.0.0.1, loopback", "::10.0.0.1, private",
      "64:ff9b::a9fe:a9fe, link-local",
      "2002:7f00:1::, loopback", "2002:c0a8:101::1, private",
      "2001:0:4136:e378:8000:63bf:f5ff:fffe, private"}) // Teredo, client 10.0.0.1
  void judgesIpv6FormsByTheIpv4AddressTheyCarry(String literal, String kind) throws Exception {
    String found = TargetAddresses.forbiddenKind(InetAddress.getByName(literal)).orElse("public");
    assertTrue(found.startsWith(kind), literal + " is " + found);
  }

  @ParameterizedTest
  @ValueSource(strings = {"::ffff:127.0.0.1", "::ffff:10.1.2.3", "::ffff:169.254.169.254"})
  void anIpv4MappedAddressKeptAsIpv6IsJudgedByItsIpv4Part(String literal) throws Exception {
    byte[] v6 = new byte[16];
    v6[10] = (byte) 0xff;
    v6[11] = (byte) 0xff;
    System.arraycopy(InetAddress.getByName(literal).getAddress(), 0, v6, 12, 4);
    var mapped = Inet6Address.getByAddress(null, v6, -1);
    assertTrue(TargetAddresses.forbiddenKind(mapped).isPresent(), literal);
  }

  @ParameterizedTest
  @ValueSource(strings = {"93.184.215.14", "8.8.8.8", "1.1.1.1", "172.15.255.255", "172.32.0.1", "100.63.255.255",
      "100.128.0.1", "169.253.255.255", "192.169.0.1", "11.0.0.1", "223.255.255.255", "198.20.0.1",
      "2606:2800:21f:cb07:6820:80da:af6b:8b2c", "2001:4860:4860::8888", "fbff::1", "fe7f::1",
      "::ffff:8.8.8.8", "64:ff9b::808:808", "2002:808:808::1"})
  void acceptsPublicAddresses(String literal) throws Exception {
    assertEquals(Optional.empty(), TargetAddresses.forbiddenKind(InetAddress.getByName(literal)), literal);
  }
}
