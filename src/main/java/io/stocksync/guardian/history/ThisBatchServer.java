package io.stocksync.guardian.history;

import jakarta.enterprise.context.ApplicationScoped;
import java.lang.management.ManagementFactory;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * This server's name in Liberty's job repository ({@code batch.jobexecution.serverid}): Liberty's batch runtime
 * writes "default host name/user directory/server name", from the kernel's ServerInfo MBean, on every execution it
 * runs. The history purge uses it to purge only what this server ran: Liberty's purge of another server's job
 * instance cannot delete that server's job logs and answers FAILED.
 */
@ApplicationScoped
public class ThisBatchServer {

  private static final String SERVER_INFO = "WebSphere:feature=kernel,name=ServerInfo";

  private volatile String id;

  /** Whether an execution recorded under this server id ran here (an instance with no execution counts as here). */
  public boolean ran(String serverId) {
    return serverId == null || serverId.equals(id());
  }

  /** Liberty's id of this server, as its job repository records the server of each execution. */
  public String id() {
    String known = id;
    if (known == null) {
      known = read();
      id = known;
    }
    return known;
  }

  private static String read() {
    try {
      var server = ManagementFactory.getPlatformMBeanServer();
      var info = new ObjectName(SERVER_INFO);
      String userDir = ((String) server.getAttribute(info, "UserDirectory")).trim();
      if (userDir.endsWith("/") || userDir.endsWith("\\")) {
        userDir = userDir.substring(0, userDir.length() - 1);
      }
      return server.getAttribute(info, "DefaultHostname") + "/" + userDir + "/" + server.getAttribute(info, "Name");
    } catch (JMException e) {
      throw new IllegalStateException("Liberty's ServerInfo MBean cannot be read", e);
    }
  }
}
