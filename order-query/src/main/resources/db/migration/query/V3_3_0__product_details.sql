-- The shop-window details of a product (issue 14), projected from the Inventory's events.
-- price_tiers: "minQuantity=price" pairs joined by ',' (e.g. "5=9.00,10=8.50"), null for none.
alter table product_stock
    add column description   text,
    add column instructions  text,
    add column enabled       boolean     not null default true,
    add column max_per_order int,
    add column price_tiers   varchar(2000),
    add column key_mode      varchar(16) not null default 'UNIQUE';
