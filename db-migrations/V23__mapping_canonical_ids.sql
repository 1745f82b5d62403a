-- Shopify mappings keep the bare number, the form Shopify's webhooks name items by (its GraphQL gids,
-- "gid://shopify/InventoryItem/808950810", were accepted as given before and then never matched an order line).
-- A row whose bare form is already mapped on the channel is left as it is, for the shop to resolve.
UPDATE channel_mapping m
   SET external_id = substring(m.external_id FROM '^gid://shopify/[A-Za-z]+/([^/?#]+)$')
  FROM channel c
 WHERE c.id = m.channel_id AND c.type = 'SHOPIFY'
   AND m.external_id ~ '^gid://shopify/[A-Za-z]+/[^/?#]+$'
   AND NOT EXISTS (SELECT 1 FROM channel_mapping o
                    WHERE o.tenant_id = m.tenant_id AND o.channel_id = m.channel_id
                      AND o.external_id = substring(m.external_id FROM '^gid://shopify/[A-Za-z]+/([^/?#]+)$'));
UPDATE channel_mapping m
   SET external_variant_id = substring(m.external_variant_id FROM '^gid://shopify/[A-Za-z]+/([^/?#]+)$')
  FROM channel c
 WHERE c.id = m.channel_id AND c.type = 'SHOPIFY'
   AND m.external_variant_id ~ '^gid://shopify/[A-Za-z]+/[^/?#]+$';
UPDATE channel_mapping m
   SET external_location_id = substring(m.external_location_id FROM '^gid://shopify/[A-Za-z]+/([^/?#]+)$')
  FROM channel c
 WHERE c.id = m.channel_id AND c.type = 'SHOPIFY'
   AND m.external_location_id ~ '^gid://shopify/[A-Za-z]+/[^/?#]+$';

-- An order line naming a variant must lead to one product: a variant id is mapped once per channel. (V22, which
-- added the column, has not been released, so no deployed data holds duplicates.)
DROP INDEX mapping_variant_idx;
CREATE UNIQUE INDEX mapping_variant_once_per_channel ON channel_mapping (tenant_id, channel_id, external_variant_id)
  WHERE external_variant_id IS NOT NULL;
