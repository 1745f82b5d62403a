package io.stocksync.teststack;

import java.nio.file.Path;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts the test stack before any test class, i.e. before Arquillian starts Liberty, and stops it at the end.
 * Only under failsafe (it.work.dir set): unit tests need no stack.
 */
public class TestStackListener implements LauncherSessionListener {

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    String workDir = System.getProperty("it.work.dir");
    if (workDir == null) {
      return;
    }
    try {
      long t0 = System.currentTimeMillis();
      TestStack.start(Path.of(workDir));
      System.out.printf("TEST STACK: PostgreSQL :%d and Artemis :%d up in %d ms%n",
          TestStack.database().port(), TestStack.broker().port(), System.currentTimeMillis() - t0);
    } catch (Exception e) {
      throw new IllegalStateException("could not start the test stack", e);
    }
  }

  @Override
  public void launcherSessionClosed(LauncherSession session) {
    if (System.getProperty("it.work.dir") == null) {
      return;
    }
    try {
      TestStack.stop();
    } catch (Exception e) {
      System.err.println("TEST STACK: stop failed: " + e);
    }
  }
}
