package io.stocksync.catalog;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

/**
 * The only way on-hand changes: under the product's row lock, on-hand moves and the movement that explains it is
 * appended, in the caller's transaction. So on-hand always equals the sum of the ledger and no concurrent update
 * is lost.
 */
@ApplicationScoped
public class StockLedger {

  @PersistenceContext(unitName = "stocksync")
  EntityManager em;

  @Inject
  Event<OnHandMoved> moved;

  @Resource
  TransactionSynchronizationRegistry transaction;

  @Transactional(Transactional.TxType.MANDATORY)
  public StockMovement move(Product product, long delta, MovementReason reason, MovementSource source) {
    lock(product);
    long before = product.move(delta);
    var movement = new StockMovement(product, before, delta, reason, source);
    em.persist(movement);
    moved.fire(new OnHandMoved(product.tenantId(), product.id(), before, before + delta));
    return movement;
  }

  /** Sets on-hand to an absolute level: the movement carries the difference. */
  @Transactional(Transactional.TxType.MANDATORY)
  public StockMovement setTo(Product product, long level, MovementReason reason, MovementSource source) {
    lock(product);
    long before = product.move(level - product.onHand());
    var movement = new StockMovement(product, before, level - before, reason, source);
    em.persist(movement);
    moved.fire(new OnHandMoved(product.tenantId(), product.id(), before, level));
    return movement;
  }

  /**
   * Re-reads the product under its row lock (a new product is written first so that there is a row to lock), once
   * per transaction: the lock is held until the commit and the managed product carries every later move, so a
   * Watcher batch with many orders for one product locks it once.
   */
  private void lock(Product product) {
    Object key = "stocksync.locked-product:" + product.id();
    if (transaction.getResource(key) != null) {
      return;
    }
    em.flush();
    em.refresh(product, LockModeType.PESSIMISTIC_WRITE);
    transaction.putResource(key, Boolean.TRUE);
  }
}
