-- The order-status projection: one row an order, rebuilt from events at will. Every time in it
-- comes from an event's timestamp, so a rebuild reproduces it exactly.
create table order_status (
    order_id      varchar(64)  primary key,
    status        varchar(32)  not null,
    product_id    varchar(64)  not null,
    product_name  varchar(200) not null,
    quantity      int          not null,
    amount        varchar(32)  not null,
    currency      char(3)      not null,
    email         varchar(320) not null,
    payment_id    varchar(128),
    pay_url       text,
    pay_by        timestamptz,
    card_keys     jsonb,
    reason        text,
    timeline      jsonb        not null,
    placed_at     timestamptz  not null,
    status_since  timestamptz  not null,
    updated_at    timestamptz  not null,
    version       bigint       not null
);
create index order_status_by_status on order_status (status, status_since);
create index order_status_by_placed on order_status (placed_at desc);
create index order_status_by_email on order_status (lower(email));

create table product_stock (
    product_id    varchar(64)  primary key,
    name          varchar(200) not null,
    price         varchar(32)  not null,
    currency      char(3)      not null,
    source        varchar(16)  not null,
    sku           varchar(200),
    available     int          not null default 0,
    reserved      int          not null default 0,
    issued        int          not null default 0,
    registered_at timestamptz  not null
);
