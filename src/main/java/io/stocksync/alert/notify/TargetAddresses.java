package io.stocksync.alert.notify;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/**
 * Which addresses a notification may never be sent to (server-side request forgery): anything not on the public
 * internet. IPv6 forms that carry an IPv4 address (IPv4-compatible, IPv4-mapped, NAT64, 6to4, Teredo) are judged
 * by the IPv4 address they carry, so ::ffff:127.0.0.1 or 2002:7f00:1:: is loopback as much as 127.0.0.1 is.
 */
public final class TargetAddresses {

  private record Block(byte[] prefix, int bits, String kind) {
    boolean contains(byte[] address) {
      if (address.length != prefix.length) {
        return false;
      }
      int whole = bits / 8;
      for (int i = 0; i < whole; i++) {
        if (address[i] != prefix[i]) {
          return false;
        }
      }
      int rest = bits % 8;
      int mask = (0xff << (8 - rest)) & 0xff;
      return rest == 0 || (address[whole] & mask) == (prefix[whole] & mask);
    }
  }

  private static final List<Block> FORBIDDEN = List.of(
      block("0.0.0.0", 8, "unspecified"),
      block("127.0.0.0", 8, "loopback"),
      block("10.0.0.0", 8, "private"),
      block("172.16.0.0", 12, "private"),
      block("192.168.0.0", 16, "private"),
      block("100.64.0.0", 10, "carrier-grade NAT"),
      block("169.254.0.0", 16, "link-local (cloud metadata lives here)"),
      block("192.0.0.0", 24, "reserved for protocol assignments"),
      block("198.18.0.0", 15, "reserved for benchmarking"),
      block("224.0.0.0", 4, "multicast"),
      block("240.0.0.0", 4, "reserved (and broadcast)"),
      block("::", 128, "unspecified"),
      block("::1", 128, "loopback"),
      block("fc00::", 7, "private (unique local)"),
      block("fe80::", 10, "link-local"),
      block("fec0::", 10, "private (site-local)"),
      block("ff00::", 8, "multicast"),
      block("100::", 64, "reserved for discard"));

  private TargetAddresses() {}

  /** Why this address is no place to send to (e.g. "loopback"), or empty when it is a public address. */
  public static Optional<String> forbiddenKind(InetAddress address) {
    byte[] bytes = address.getAddress();
    if (address instanceof Inet6Address) {
      Optional<byte[]> carried = carriedIpv4(bytes);
      if (carried.isPresent()) {
        return kindOf(carried.get()).map(kind -> kind + " (inside an IPv6 address)");
      }
    }
    return kindOf(bytes);
  }

  private static Optional<String> kindOf(byte[] address) {
    return FORBIDDEN.stream().filter(b -> b.contains(address)).map(Block::kind).findFirst();
  }

  /** The IPv4 address an IPv6 address stands for, where it is one of the forms that carry one. */
  private static Optional<byte[]> carriedIpv4(byte[] v6) {
    if (startsWithZeros(v6, 10) && ((v6[10] == 0 && v6[11] == 0) || (v6[10] == -1 && v6[11] == -1))
        && !startsWithZeros(v6, 16) && !isLoopback6(v6)) {
      return Optional.of(slice(v6, 12)); // ::a.b.c.d (IPv4-compatible) and ::ffff:a.b.c.d (IPv4-mapped)
    }
    if (v6[0] == 0 && v6[1] == 0x64 && v6[2] == (byte) 0xff && v6[3] == (byte) 0x9b && startsWithZeros(v6, 4, 8)) {
      return Optional.of(slice(v6, 12)); // 64:ff9b::a.b.c.d, NAT64
    }
    if (v6[0] == 0x20 && v6[1] == 0x02) {
      return Optional.of(slice(v6, 2)); // 2002:AABB:CCDD::, 6to4
    }
    if (v6[0] == 0x20 && v6[1] == 0x01 && v6[2] == 0 && v6[3] == 0) {
      byte[] client = slice(v6, 12); // Teredo: the client's address, bits inverted, in the last 32 bits
      for (int i = 0; i < 4; i++) {
        client[i] = (byte) ~client[i];
      }
      return Optional.of(client);
    }
    return Optional.empty();
  }

  private static boolean startsWithZeros(byte[] bytes, int count) {
    return startsWithZeros(bytes, 0, count);
  }

  private static boolean startsWithZeros(byte[] bytes, int from, int count) {
    for (int i = from; i < from + count; i++) {
      if (bytes[i] != 0) {
        return false;
      }
    }
    return true;
  }

  private static boolean isLoopback6(byte[] v6) {
    return startsWithZeros(v6, 15) && v6[15] == 1;
  }

  private static byte[] slice(byte[] bytes, int from) {
    byte[] v4 = new byte[4];
    System.arraycopy(bytes, from, v4, 0, 4);
    return v4;
  }

  private static Block block(String literal, int bits, String kind) {
    try {
      // A literal: no name lookup. Inet4Address for "a.b.c.d", Inet6Address for the rest.
      InetAddress a = InetAddress.getByName(literal);
      return new Block(a.getAddress(), bits, kind);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(literal, e);
    }
  }
}
