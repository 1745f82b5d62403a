package io.stocksync.teststack;

import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Something a test class starts before its tests and closes after them (a vendor stand-in, say):
 * {@code @RegisterExtension static final Started<GenericStandIn> vendor = Started.by(GenericStandIn::new);}.
 */
public final class Started<T extends AutoCloseable> implements BeforeAllCallback, AfterAllCallback {

  private final Supplier<T> start;
  private T running;

  private Started(Supplier<T> start) {
    this.start = start;
  }

  public static <T extends AutoCloseable> Started<T> by(Supplier<T> start) {
    return new Started<>(start);
  }

  public T get() {
    return running;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    running = start.get();
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    if (running != null) {
      running.close();
    }
  }
}
