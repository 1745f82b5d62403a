-- A channel's sellable variant id when its orders name the item differently from its stock item (Shopify: order
-- lines carry variant_id, stock is set on the variant's inventory item, which is external_id).
ALTER TABLE channel_mapping ADD COLUMN external_variant_id text;
CREATE INDEX mapping_variant_idx ON channel_mapping (channel_id, external_variant_id)
  WHERE external_variant_id IS NOT NULL;
