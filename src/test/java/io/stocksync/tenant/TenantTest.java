package io.stocksync.tenant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stocksync.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

/** The deletion lifecycle: live -> DELETING -> DELETED, and nothing else once deletion has started. */
class TenantTest {

  private static Tenant tenant() {
    return new Tenant("Shop", Tier.STARTER, TenantSettings.DEFAULTS);
  }

  @Test
  void activeAndPausedTenantsCanBeMarkedForDeletion() {
    var active = tenant();
    active.markDeleting();
    assertEquals(TenantStatus.DELETING, active.status());
    var paused = tenant();
    paused.pause();
    paused.markDeleting();
    assertEquals(TenantStatus.DELETING, paused.status());
  }

  @Test
  void onlyADeletingTenantBecomesDeletedAndNeitherComesBack() {
    var t = tenant();
    assertThrows(ProblemException.class, t::markDeleted, "the tombstone needs a purge first");
    t.markDeleting();
    assertThrows(ProblemException.class, t::pause);
    assertThrows(ProblemException.class, t::resume);
    t.markDeleted();
    assertEquals(TenantStatus.DELETED, t.status());
    assertThrows(ProblemException.class, t::markDeleting);
  }

  @Test
  void onlyActiveAndPausedTenantsAreLive() {
    assertTrue(TenantStatus.ACTIVE.isLive());
    assertTrue(TenantStatus.PAUSED.isLive());
    assertFalse(TenantStatus.DELETING.isLive());
    assertFalse(TenantStatus.DELETED.isLive());
  }
}
