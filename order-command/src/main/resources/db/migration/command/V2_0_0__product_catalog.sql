-- The command side's own lookup of what can be ordered and at which price. It is written in the
-- same transaction as ProductRegistered (a subscribing processor), so a product is orderable the
-- moment its registration is acknowledged.
create table command_product_catalog (
    product_id varchar(64)  primary key,
    name       varchar(200) not null,
    price      varchar(32)  not null,
    currency   char(3)      not null,
    source     varchar(16)  not null,
    sku        varchar(200)
);
