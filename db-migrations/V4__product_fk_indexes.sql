-- Deleting a product (or a tenant) checks every referencing row; without these, each check scans the table.
CREATE INDEX movement_product_idx ON stock_movement (product_id);
CREATE INDEX mapping_product_idx ON channel_mapping (product_id);
CREATE INDEX mapping_channel_idx ON channel_mapping (channel_id);
CREATE INDEX alert_product_idx ON alert (product_id) WHERE product_id IS NOT NULL;
CREATE INDEX sync_event_mapping_idx ON sync_event (mapping_id);
