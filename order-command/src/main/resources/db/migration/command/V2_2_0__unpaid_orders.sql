-- The orders each client has not paid yet, for the unpaid-order cap. Written in the same
-- transaction as the events that open and close them (a subscribing processor).
create table command_unpaid_order (
    order_id   varchar(64) primary key,
    client_key varchar(64) not null,
    placed_at  timestamptz not null
);
create index command_unpaid_order_by_client on command_unpaid_order (client_key);
