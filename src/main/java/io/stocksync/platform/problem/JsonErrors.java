package io.stocksync.platform.problem;

/** Turns a JSON-B/parser message into one a client can act on, without class names or stack details. */
final class JsonErrors {

  private JsonErrors() {}

  static String clean(String message) {
    String m = message.replaceAll("(?s)\\s*(at |Caused by).*", "");
    m = m.replaceAll("class [a-z]+(\\.[a-zA-Z0-9_$]+)+", "the request body");
    m = m.replaceAll("([a-z]+\\.)+([A-Z][A-Za-z0-9_$]*)", "$2");
    return m.length() > 300 ? m.substring(0, 300) + "..." : m;
  }
}
