package io.stocksync.tenant;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SettingsPatchTest {

  @Test
  void absentFieldsKeepTheirValue() {
    var merged = new SettingsPatch(null, 30, null, "https://x.example/hook").over(TenantSettings.DEFAULTS);
    assertEquals(new TenantSettings(5, 30, 0, "https://x.example/hook"), merged);
  }
}
