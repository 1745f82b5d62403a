package io.stocksync.teststack;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The WAR the build produced, deployed as application "stocksync" (activation spec ids depend on that name). */
public final class Deployments {

  private Deployments() {}

  public static WebArchive stocksync() {
    return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("it.war")));
  }
}
