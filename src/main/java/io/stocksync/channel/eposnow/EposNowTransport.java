package io.stocksync.channel.eposnow;

import io.stocksync.channel.push.ChannelCallException;
import io.stocksync.channel.push.ChannelEndpoint;
import io.stocksync.channel.push.ChannelHttp;
import io.stocksync.channel.push.Credentials;
import io.stocksync.channel.push.LevelPush;
import io.stocksync.channel.push.PushOutcome;
import io.stocksync.channel.push.PushOutcomes;
import io.stocksync.platform.json.JsonP;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Epos Now's REST API v4 over HTTP.
 *
 * <ul>
 *   <li>{@code GET /api/v4/ProductStock?page=N} and {@code GET /api/v4/ProductStock/Location/{locationId}?page=N}:
 *       pages of up to 200 rows {@code {ProductId, LocationId, ProductStockBatches: [{CurrentStock, …}]}} (older
 *       answers carry {@code CurrentStock} on the row itself; both are read). A page with fewer rows is the last.
 *   <li>{@code POST /api/v4/ProductStock/Add} and {@code …/Remove}: an array of
 *       {@code {ProductId, LocationId, ChangeInStock}} (ChangeInStock positive in both).
 * </ul>
 * Epos Now has no call that sets an absolute level, so a push reads the location's current levels and adds or
 * removes the difference. That makes a push idempotent: repeated after a lost answer or by {@code @Retry}, it reads
 * the level the first attempt left and changes nothing more.
 */
@Dependent
public class EposNowTransport {

  /** Rows in a full ProductStock page (Epos Now's page size). */
  public static final int PAGE = 200;
  /** Adjustments in one Add/Remove call. */
  static final int BATCH = 100;
  /** A location with more pages than this is not read further (a runaway listing must not loop forever). */
  static final int MAX_PAGES = 500;
  private static final String FORMAT = "API key:API secret of an Epos Now API device";

  private final ChannelHttp http;

  @Inject
  public EposNowTransport(ChannelHttp http) {
    this.http = http;
  }

  public Map<String, PushOutcome> push(ChannelEndpoint endpoint, List<LevelPush> pushes) {
    var outcomes = new LinkedHashMap<String, PushOutcome>();
    var byLocation = new LinkedHashMap<String, List<LevelPush>>();
    for (var p : pushes) {
      if (!isId(p.externalId())) {
        outcomes.put(p.externalId(), PushOutcomes.failed(null, "not an Epos Now product id"));
      } else if (!isId(p.externalLocationId())) {
        outcomes.put(p.externalId(), PushOutcomes.failed(null, "Epos Now needs the location id (externalLocationId)"));
      } else {
        byLocation.computeIfAbsent(p.externalLocationId(), l -> new ArrayList<>()).add(p);
      }
    }
    byLocation.forEach((location, atLocation) -> pushAt(endpoint, location, atLocation, outcomes));
    return outcomes;
  }

  /** The levels of the given products, summed over every location, reading every page of the stock listing. */
  public Map<String, Long> read(ChannelEndpoint endpoint, List<String> externalIds) {
    Set<String> wanted = new HashSet<>(externalIds);
    var levels = new HashMap<String, Long>();
    for (int page = 1; page <= MAX_PAGES; page++) {
      var rows = page(endpoint, "/api/v4/ProductStock", page);
      rows.levels().stream().filter(l -> wanted.contains(l.productId()))
          .forEach(l -> levels.merge(l.productId(), l.level(), Long::sum));
      if (rows.last()) {
        break;
      }
    }
    return levels;
  }

  /** One page (1-based) of the stock at one location. */
  public EposNowPage levelsAt(ChannelEndpoint endpoint, String locationId, int page) {
    if (!isId(locationId)) {
      throw new IllegalArgumentException("not an Epos Now location id: " + locationId);
    }
    return page(endpoint, "/api/v4/ProductStock/Location/" + locationId, page);
  }

  private void pushAt(ChannelEndpoint endpoint, String location, List<LevelPush> pushes,
      Map<String, PushOutcome> outcomes) {
    var current = currentAt(endpoint, location, pushes);
    var add = new ArrayList<Change>();
    var remove = new ArrayList<Change>();
    for (var p : pushes) {
      Long now = current.get(p.externalId());
      if (now == null) {
        outcomes.put(p.externalId(), PushOutcomes.failed(null,
            "Epos Now has no stock record for product " + p.externalId() + " at location " + location));
      } else if (now == p.level()) {
        outcomes.put(p.externalId(), PushOutcome.pushed(200));
      } else if (p.level() > now) {
        add.add(new Change(p.externalId(), location, p.level() - now));
      } else {
        remove.add(new Change(p.externalId(), location, now - p.level()));
      }
    }
    for (var slice : PushOutcomes.slices(add, BATCH)) {
      adjust(endpoint, "Add", slice, outcomes);
    }
    for (var slice : PushOutcomes.slices(remove, BATCH)) {
      adjust(endpoint, "Remove", slice, outcomes);
    }
  }

  /** Reads the location's pages until every pushed product was seen (or the listing ends). */
  private Map<String, Long> currentAt(ChannelEndpoint endpoint, String location, List<LevelPush> pushes) {
    Set<String> missing = new HashSet<>();
    pushes.forEach(p -> missing.add(p.externalId()));
    var current = new HashMap<String, Long>();
    for (int page = 1; page <= MAX_PAGES && !missing.isEmpty(); page++) {
      var rows = levelsAt(endpoint, location, page);
      for (var l : rows.levels()) {
        if (missing.remove(l.productId())) {
          current.put(l.productId(), l.level());
        }
      }
      if (rows.last()) {
        break;
      }
    }
    return current;
  }

  /**
   * One Add or Remove call. Epos Now refuses a whole array for one bad row, so a refused array of several is sent
   * again one row at a time, and only the rows refused alone fail.
   */
  private void adjust(ChannelEndpoint endpoint, String direction, List<Change> changes,
      Map<String, PushOutcome> outcomes) {
    var body = JsonP.createArrayBuilder();
    changes.forEach(c -> body.add(JsonP.createObjectBuilder().add("ProductId", Long.parseLong(c.productId()))
        .add("LocationId", Long.parseLong(c.locationId())).add("ChangeInStock", c.units())));
    var reply = http.send(authorized(endpoint, "/api/v4/ProductStock/" + direction)
        .header("Content-Type", "application/json").POST(BodyPublishers.ofString(body.build().toString())).build(),
        "Epos Now ProductStock " + direction);
    if (reply.ok()) {
      changes.forEach(c -> outcomes.put(c.productId(), PushOutcome.pushed(reply.status())));
    } else if (changes.size() > 1) {
      changes.forEach(c -> adjust(endpoint, direction, List.of(c), outcomes));
    } else {
      outcomes.put(changes.get(0).productId(), PushOutcomes.failed(reply.status(),
          "HTTP " + reply.status() + ": " + reply.body()));
    }
  }

  private EposNowPage page(ChannelEndpoint endpoint, String path, int page) {
    var reply = http.send(authorized(endpoint, path + "?page=" + page).GET().build(), "Epos Now ProductStock");
    if (!reply.ok()) {
      throw new ChannelCallException("Epos Now ProductStock: HTTP " + reply.status(), reply.status(), null, null);
    }
    var json = reply.json();
    if (json.getValueType() == JsonValue.ValueType.NULL) {
      return new EposNowPage(List.of(), true);
    }
    if (!(json instanceof JsonArray rows)) {
      throw new ChannelCallException("Epos Now ProductStock: expected a JSON array", reply.status(), null, null);
    }
    var levels = new ArrayList<EposNowLevel>();
    for (var row : rows) {
      if (row instanceof JsonObject o && o.get("ProductId") instanceof JsonNumber product
          && o.get("LocationId") instanceof JsonNumber location) {
        levels.add(new EposNowLevel(Long.toString(product.longValue()), Long.toString(location.longValue()),
            units(o)));
      }
    }
    return new EposNowPage(levels, rows.size() < PAGE);
  }

  /** The batches' CurrentStock summed (v4), else the row's own CurrentStock; fractions rounded down. */
  static long units(JsonObject row) {
    BigDecimal total = BigDecimal.ZERO;
    if (row.get("ProductStockBatches") instanceof JsonArray batches) {
      for (var batch : batches) {
        if (batch instanceof JsonObject b && b.get("CurrentStock") instanceof JsonNumber n) {
          total = total.add(n.bigDecimalValue());
        }
      }
    } else if (row.get("CurrentStock") instanceof JsonNumber n) {
      total = n.bigDecimalValue();
    }
    return total.setScale(0, RoundingMode.FLOOR).longValueExact();
  }

  private HttpRequest.Builder authorized(ChannelEndpoint endpoint, String path) {
    var keySecret = Credentials.parts(endpoint.credentials(), 2, FORMAT);
    return http.request(ChannelHttp.uri(endpoint.baseUrl(), path))
        .header("Authorization", Credentials.basic(keySecret[0], keySecret[1]));
  }

  private static boolean isId(String value) {
    return value != null && value.matches("\\d{1,18}");
  }

  private record Change(String productId, String locationId, long units) {}
}
