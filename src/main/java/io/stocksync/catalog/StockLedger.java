package io.stocksync.catalog;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
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
    persist(movement, product, source);
    moved.fire(new OnHandMoved(product.tenantId(), product.id(), before, before + delta));
    return movement;
  }

  /** Sets on-hand to an absolute level: the movement carries the difference. */
  @Transactional(Transactional.TxType.MANDATORY)
  public StockMovement setTo(Product product, long level, MovementReason reason, MovementSource source) {
    lock(product);
    long before = product.move(level - product.onHand());
    var movement = new StockMovement(product, before, level - before, reason, source);
    persist(movement, product, source);
    moved.fire(new OnHandMoved(product.tenantId(), product.id(), before, level));
    return movement;
  }

  /**
   * Whether this channel's event already moved this product (the ledger's unique key), in the database or earlier in
   * this transaction. The query does not flush the persistence context: a flush compares every managed entity, and a
   * Watcher batch asks this for every order line; this transaction's own movements are remembered instead.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean alreadyMoved(Product product, MovementSource source) {
    if (transaction.getResource(movedKey(product, source)) != null) {
      return true;
    }
    return !em.createNativeQuery("SELECT 1 FROM stock_movement WHERE tenant_id = ? AND source_channel_id = ?"
            + " AND external_event_id = ? AND product_id = ?")
        .setParameter(1, product.tenantId()).setParameter(2, source.channelId())
        .setParameter(3, source.externalEventId()).setParameter(4, product.id())
        .setFlushMode(FlushModeType.COMMIT).getResultList().isEmpty();
  }

  private void persist(StockMovement movement, Product product, MovementSource source) {
    em.persist(movement);
    if (source.channelId() != null && source.externalEventId() != null) {
      transaction.putResource(movedKey(product, source), Boolean.TRUE);
    }
  }

  private static String movedKey(Product product, MovementSource source) {
    return "stocksync.moved:" + source.channelId() + ":" + source.externalEventId() + ":" + product.id();
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
