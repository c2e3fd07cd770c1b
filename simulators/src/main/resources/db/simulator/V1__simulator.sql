-- The simulated outside world keeps its own state in its own schema: a restart of the platform
-- does not make the PSP or the suppliers forget.
create table psp_payment (
    payment_id        varchar(64)  primary key,
    merchant_order_id varchar(128) not null unique,
    amount            varchar(32)  not null,
    currency          char(3)      not null,
    notify_url        text         not null,
    status            varchar(16)  not null,
    drop_callbacks    boolean      not null,
    created_at        timestamptz  not null,
    updated_at        timestamptz  not null
);

create table psp_refund (
    refund_id  varchar(128) primary key,
    payment_id varchar(64)  not null references psp_payment (payment_id),
    amount     varchar(32)  not null,
    created_at timestamptz  not null
);

-- Notifications waiting to be delivered (an outbox): retried with backoff until acknowledged.
create table psp_notification (
    id           bigserial    primary key,
    event_id     varchar(64)  not null,
    payment_id   varchar(64)  not null,
    notify_url   text         not null,
    body         text         not null,
    due_at       timestamptz  not null,
    give_up_at   timestamptz  not null,
    attempts     int          not null default 0,
    delivered_at timestamptz,
    last_error   text
);
create index psp_notification_due on psp_notification (due_at) where delivered_at is null;

create table supplier_issue (
    supplier   varchar(16)  not null,
    request_id varchar(128) not null,
    sku        varchar(200) not null,
    quantity   int          not null,
    card_keys  text         not null,
    created_at timestamptz  not null,
    primary key (supplier, request_id)
);

create table chaos (
    target varchar(32) primary key,
    knobs  text        not null
);
