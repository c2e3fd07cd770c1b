-- A placement is answered 202 once its reservation row holds its PlaceOrder command (and the command's
-- metadata); the command is sent from there right after, and again by a sweep when it was not sent (the
-- process died, the command failed). null once the order is placed, and for every row before this version.
alter table command_order_reservation add column pending_command jsonb;
create index command_order_reservation_pending on command_order_reservation (reserved_at)
    where pending_command is not null;
