package io.stocksync.pipeline;

import io.stocksync.teststack.TestStack;
import java.sql.SQLException;

/** A fault only one product's writes hit: PostgreSQL refuses its ledger rows while it is switched on. */
final class MovementFault {

  private MovementFault() {}

  static void refuseMovementsOf(String productId, boolean on) throws SQLException {
    String name = "refuse_" + productId.replace("-", "");
    try (var db = TestStack.jdbc(); var sql = db.createStatement()) {
      if (on) {
        sql.execute("CREATE FUNCTION " + name + "() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
            + " RAISE EXCEPTION 'test fault for product %', NEW.product_id; END $$");
        sql.execute("CREATE TRIGGER " + name + " BEFORE INSERT ON stock_movement FOR EACH ROW WHEN"
            + " (NEW.product_id = '" + productId + "') EXECUTE FUNCTION " + name + "()");
      } else {
        sql.execute("DROP TRIGGER IF EXISTS " + name + " ON stock_movement");
        sql.execute("DROP FUNCTION IF EXISTS " + name + "()");
      }
    }
  }
}
