-- Every placement reserves its order id for its client before the PlaceOrder command is sent,
-- under a per-client advisory lock, so a burst of parallel placements (on any instance) cannot
-- pass the unpaid-order cap. The row stays when the order is paid or cancelled (settled): it also
-- answers "was this order placed already" for retries, behind Axon Server too.
create table command_order_reservation (
    order_id    varchar(64) primary key,
    client_key  varchar(64) not null,
    reserved_at timestamptz not null,
    settled     boolean     not null default false
);
create index command_order_reservation_unpaid on command_order_reservation (client_key) where not settled;

insert into command_order_reservation (order_id, client_key, reserved_at)
select order_id, client_key, placed_at from command_unpaid_order;
drop table command_unpaid_order;
