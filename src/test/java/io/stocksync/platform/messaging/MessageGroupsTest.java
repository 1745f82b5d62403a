package io.stocksync.platform.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class MessageGroupsTest {

  private static final UUID TENANT = UUID.fromString("6f1c2a0e-1111-4a4a-9c9c-000000000001");
  private static final UUID CHANNEL = UUID.fromString("6f1c2a0e-2222-4a4a-9c9c-000000000002");

  @Test
  void everyGroupNamesItsTenantFirst() {
    assertEquals(TENANT.toString(), MessageGroups.tenantOf(MessageGroups.tenant(TENANT)));
    assertEquals(TENANT.toString(), MessageGroups.tenantOf(MessageGroups.tenantAndChannel(TENANT, CHANNEL)));
    assertNull(MessageGroups.tenantOf(null));
  }

  @Test
  void theSelectorMatchesBothKindsOfGroupAndQuotesItsInput() {
    assertEquals("JMSXGroupID = '" + TENANT + "' OR JMSXGroupID LIKE '" + TENANT + ":%'",
        MessageGroups.selectorOf(TENANT.toString()));
    assertEquals("JMSXGroupID = 'a''b' OR JMSXGroupID LIKE 'a''b:%'", MessageGroups.selectorOf("a'b"));
  }
}
