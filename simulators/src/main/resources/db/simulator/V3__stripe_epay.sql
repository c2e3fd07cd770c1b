-- One outbox for the notifications of every simulated provider (PSP, Stripe, EPay): a prepared
-- request, signed at each attempt by the named signer, retried until its answer acknowledges it.
create table outbox_notification (
    id              bigserial    primary key,
    source          varchar(16)  not null,
    event_id        varchar(64)  not null,
    method          varchar(8)   not null,
    url             text         not null,
    headers         text         not null,
    body            text,
    signer          varchar(16),
    acknowledgement varchar(64),
    due_at          timestamptz  not null,
    give_up_at      timestamptz  not null,
    attempts        int          not null default 0,
    delivered_at    timestamptz,
    last_error      text
);
create index outbox_notification_due on outbox_notification (due_at) where delivered_at is null;

-- the PSP's notifications move over, the undelivered ones still to be sent
insert into outbox_notification (source, event_id, method, url, headers, body, signer, acknowledgement,
                                 due_at, give_up_at, attempts, delivered_at, last_error)
select 'psp', event_id, 'POST', notify_url, '{"Content-Type":"application/json"}', body, 'psp', 'SUCCESS',
       due_at, give_up_at, attempts, delivered_at, last_error
from psp_notification;
drop table psp_notification;

-- Stripe: Checkout Sessions, their refunds, and the answers kept for idempotency keys.
create table stripe_checkout_session (
    session_id          varchar(80)  primary key,
    line_items          text         not null,
    amount_total        bigint       not null,
    currency            varchar(3)   not null,
    client_reference_id varchar(200),
    metadata            text         not null,
    success_url         text         not null,
    cancel_url          text,
    url                 text         not null,
    status              varchar(16)  not null,
    payment_status      varchar(16)  not null,
    payment_intent      varchar(80)  unique,
    -- an asynchronous payment (e.g. a bank debit) succeeds at this time unless failed before
    async_succeeds_at   timestamptz,
    drop_callbacks      boolean      not null,
    expires_at          timestamptz  not null,
    created_at          timestamptz  not null
);
create index stripe_checkout_session_open on stripe_checkout_session (expires_at) where status = 'open';

create table stripe_refund (
    refund_id      varchar(80)  primary key,
    payment_intent varchar(80)  not null references stripe_checkout_session (payment_intent),
    amount         bigint       not null,
    currency       varchar(3)   not null,
    metadata       text         not null,
    created_at     timestamptz  not null
);

create table stripe_idempotency (
    idempotency_key varchar(255) primary key,
    request_path    text         not null,
    request_hash    varchar(64)  not null,
    status          int,
    body            text,
    created_at      timestamptz  not null default now()
);

-- EPay (易支付): orders by out_trade_no, paid once, refunded at most once.
create table epay_order (
    trade_no       varchar(32)  primary key,
    out_trade_no   varchar(128) not null unique,
    pid            varchar(64)  not null,
    type           varchar(16)  not null,
    name           varchar(200) not null,
    money          varchar(16)  not null,
    notify_url     text         not null,
    return_url     text         not null,
    status         int          not null,
    drop_callbacks boolean      not null,
    added_at       timestamptz  not null,
    paid_at        timestamptz,
    refund_money   varchar(16),
    refunded_at    timestamptz
);
