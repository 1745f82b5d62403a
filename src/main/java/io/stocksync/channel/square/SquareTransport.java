package io.stocksync.channel.square;

import io.stocksync.channel.push.ChannelCallException;
import io.stocksync.channel.push.ChannelEndpoint;
import io.stocksync.channel.push.ChannelHttp;
import io.stocksync.channel.push.Credentials;
import io.stocksync.channel.push.LevelPush;
import io.stocksync.channel.push.PushOutcome;
import io.stocksync.channel.push.PushOutcomes;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Square's Inventory API over HTTP: {@code POST /v2/inventory/changes/batch-create} with up to 100 PHYSICAL_COUNT
 * changes, and {@code POST /v2/inventory/counts/batch-retrieve}. A refused request changes nothing, so the changes
 * Square names in its errors are dropped and the rest sent again, at most {@link #ROUNDS} times.
 */
@Dependent
public class SquareTransport {

  static final int BATCH = 100;
  static final String SQUARE_VERSION = "2025-01-23";
  private static final int ROUNDS = 3;

  private final ChannelHttp http;
  private final SquareAttempts attempts = new SquareAttempts();

  @Inject
  public SquareTransport(ChannelHttp http) {
    this.http = http;
  }

  public Map<String, PushOutcome> push(ChannelEndpoint endpoint, List<LevelPush> pushes) {
    var outcomes = new LinkedHashMap<String, PushOutcome>();
    var located = new ArrayList<LevelPush>();
    for (var p : pushes) {
      if (p.externalLocationId() == null || p.externalLocationId().isBlank()) {
        outcomes.put(p.externalId(), PushOutcomes.failed(null, "Square needs the location id (externalLocationId)"));
      } else {
        located.add(p);
      }
    }
    for (var slice : PushOutcomes.slices(located, BATCH)) {
      pushSlice(endpoint, new ArrayList<>(slice), outcomes);
    }
    return outcomes;
  }

  /** IN_STOCK counts summed over the item's locations (the contract has no location here). */
  public Map<String, Long> read(ChannelEndpoint endpoint, List<String> externalIds) {
    var levels = new HashMap<String, Long>();
    for (var slice : PushOutcomes.slices(externalIds, BATCH)) {
      String cursor = null;
      do {
        var answer = call(endpoint, "/v2/inventory/counts/batch-retrieve", SquarePayloads.retrieveCounts(slice, cursor),
            "Square batch-retrieve counts");
        if (!answer.ok()) {
          throw new ChannelCallException("Square batch-retrieve counts: HTTP " + answer.status(), answer.status(),
              null, null);
        }
        var page = answer.object();
        SquarePayloads.inStock(page).forEach((key, n) -> levels.merge(key.substring(0, key.indexOf('@')), n,
            Long::sum));
        cursor = page.getString("cursor", null);
      } while (cursor != null);
    }
    return levels;
  }

  private void pushSlice(ChannelEndpoint endpoint, List<LevelPush> remaining, Map<String, PushOutcome> outcomes) {
    for (int round = 0; round < ROUNDS && !remaining.isEmpty(); round++) {
      var attempt = attempts.of(remaining.stream().map(SquareTransport::pushKey).toList());
      var reply = call(endpoint, "/v2/inventory/changes/batch-create",
          SquarePayloads.batchCreate(remaining, attempt), "Square batch-create changes");
      if (reply.ok()) {
        settle(remaining, SquarePayloads.inStock(reply.object()), reply.status(), outcomes);
        return;
      }
      var refused = SquarePayloads.errorsByChange(reply);
      if (refused.isEmpty()) {
        outcomes.putAll(PushOutcomes.allFailed(remaining, reply.status(), "HTTP " + reply.status() + ": "
            + reply.body()));
        return;
      }
      var sent = List.copyOf(remaining);
      refused.forEach((i, error) -> {
        if (i < sent.size()) {
          outcomes.put(sent.get(i).externalId(), PushOutcomes.failed(reply.status(), error));
          remaining.remove(sent.get(i));
        }
      });
    }
    remaining.forEach(p -> outcomes.put(p.externalId(),
        PushOutcomes.failed(null, "not written: the batch was refused " + ROUNDS + " times")));
  }

  /** Square answers the resulting counts; one that differs from what we set was changed after our count. */
  private static void settle(List<LevelPush> sent, Map<String, Long> counts, int status,
      Map<String, PushOutcome> outcomes) {
    for (var p : sent) {
      Long count = counts.get(p.externalId() + "@" + p.externalLocationId());
      outcomes.put(p.externalId(), count == null || count == p.level() ? PushOutcome.pushed(status)
          : PushOutcomes.conflict(count, status, "Square shows " + count + " after our count"));
    }
  }

  private static String pushKey(LevelPush p) {
    return p.idempotencyKey() != null ? p.idempotencyKey()
        : p.externalId() + "@" + p.externalLocationId() + "=" + p.level();
  }

  private ChannelHttp.Reply call(ChannelEndpoint endpoint, String path, JsonObject body, String what) {
    var request = http.request(ChannelHttp.uri(endpoint.baseUrl(), path))
        .header("Authorization", Credentials.bearer(endpoint.credentials())).header("Square-Version", SQUARE_VERSION)
        .header("Content-Type", "application/json").POST(BodyPublishers.ofString(body.toString())).build();
    return http.send(request, what);
  }
}
