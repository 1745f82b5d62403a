package io.stocksync.devstack;

import java.nio.file.Path;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;

/** A real Artemis broker configured from artemis-config/broker.xml, its journal in a folder of ours. */
public final class EmbeddedBroker implements AutoCloseable {

  private final Path brokerXml;
  private final int port;
  private final Path dataDir;
  private EmbeddedActiveMQ broker;

  public EmbeddedBroker(Path brokerXml, int port, Path home) {
    this.brokerXml = brokerXml;
    this.port = port;
    this.dataDir = home.resolve("artemis");
  }

  public synchronized void start() throws Exception {
    // broker.xml reads ${artemis.port} and ${artemis.data.dir} from system properties.
    System.setProperty("artemis.port", Integer.toString(port));
    System.setProperty("artemis.data.dir", dataDir.toString());
    broker = new EmbeddedActiveMQ().setConfigResourcePath(brokerXml.toUri().toString());
    broker.start();
  }

  public synchronized void stop() throws Exception {
    if (broker != null) {
      broker.stop();
      broker = null;
    }
  }

  public boolean isRunning() {
    return broker != null;
  }

  /** The running broker, for tests that inspect queues through its management API. */
  public EmbeddedActiveMQ server() {
    return broker;
  }

  public int port() {
    return port;
  }

  @Override
  public void close() throws Exception {
    stop();
  }
}
