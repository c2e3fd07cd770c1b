-- Signed PSP notifications that name no order of ours: kept for operators, never acted on.
create table command_unmatched_payment_notification (
    event_id          varchar(128) primary key,
    payment_id        varchar(128) not null,
    merchant_order_id varchar(128) not null,
    status            varchar(32)  not null,
    amount            varchar(32),
    currency          varchar(8),
    received_at       timestamptz  not null
);
