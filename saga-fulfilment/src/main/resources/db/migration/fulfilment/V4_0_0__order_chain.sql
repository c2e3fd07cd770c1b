-- The digest of each order event's hash chain link, recorded when the event was appended (soon
-- after, by the order-chain processor). The audit recomputes the chain from the stored events and
-- compares: an event rewritten later no longer matches what was recorded here.
create table order_chain_digest (
    order_id    varchar(255) not null,
    sequence    bigint       not null,
    event_type  varchar(255) not null,
    digest      char(64)     not null,
    recorded_at timestamptz  not null default now(),
    primary key (order_id, sequence)
);
