package io.stocksync.platform.diagnostics;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Queue;

/** Sends probes to the diagnostics queue through the resource adapter's pooled connections. */
@ApplicationScoped
public class ProbeSender {

  @Resource(lookup = "jms/stocksync")
  ConnectionFactory connectionFactory;

  @Resource(lookup = "jms/diagnostics")
  Queue diagnosticsQueue;

  public void send(ProbeMessage probe) {
    try (var context = connectionFactory.createContext()) {
      context.createProducer().send(diagnosticsQueue, probe.toJson());
    }
  }
}
