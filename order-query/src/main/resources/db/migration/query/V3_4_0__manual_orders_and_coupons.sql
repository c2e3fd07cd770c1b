-- What a MANUAL product asks the buyer ([{name, label, required}]); null for other products.
alter table product_stock add column buyer_fields jsonb;
-- The order's product source, the buyer's field values (MANUAL), and its coupon with the discount it gave.
alter table order_status add column source varchar(16);
alter table order_status add column buyer_fields jsonb;
alter table order_status add column coupon_code varchar(40);
alter table order_status add column discount varchar(32);

-- The shop's coupons as the console lists them; "used" counts the uses held (returned ones are subtracted).
create table coupon (
    code        varchar(40)  primary key,
    kind        varchar(16)  not null,
    value       varchar(32)  not null,
    currency    char(3),
    product_ids jsonb        not null,
    min_amount  varchar(32),
    max_uses    int,
    expires_at  timestamptz,
    disabled    boolean      not null default false,
    used        int          not null default 0,
    created_at  timestamptz  not null
);
