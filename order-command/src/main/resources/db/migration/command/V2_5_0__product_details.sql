-- The shop-window details of a product (issue 14), projected from the Inventory's events like the rest of the
-- lookup. price_tiers: "minQuantity=price" pairs joined by ',' (e.g. "5=9.00,10=8.50"), null for none.
alter table command_product_catalog
    add column description         text,
    add column instructions        text,
    add column enabled             boolean     not null default true,
    add column max_per_order       int,
    add column low_stock_threshold int,
    add column price_tiers         varchar(2000),
    add column key_mode            varchar(16) not null default 'UNIQUE';

-- products registered before kept their low-stock threshold only in their events: copy the latest one over
do $$
begin
    if to_regclass('domain_event_entry') is not null then
        update command_product_catalog c
        set low_stock_threshold = (
            select (convert_from(e.payload, 'UTF8')::jsonb ->> 'lowStockThreshold')::int
            from domain_event_entry e
            where e.aggregate_identifier = c.product_id
              and e.payload_type in ('dev.cardflow.api.inventory.ProductRegistered',
                                     'dev.cardflow.api.inventory.ProductLowStockThresholdChanged')
            order by e.sequence_number desc
            limit 1);
    end if;
end $$;
