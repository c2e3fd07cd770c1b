-- The buyer's query password, as the salted hash the order was placed with (null: none chosen);
-- looked up by email, so the existing lower(email) index serves it.
alter table order_status add column query_password_hash varchar(100);

-- When the order was delivered and refunded (event timestamps, so a rebuild reproduces them): the
-- sales figures count deliveries and refunds by these, not by the order's current status.
alter table order_status add column delivered_at timestamptz;
alter table order_status add column refunded_at timestamptz;

-- Orders projected before these columns existed: their times are in their timelines.
update order_status o set delivered_at = (
    select min((e ->> 'at')::timestamptz) from jsonb_array_elements(o.timeline) e where e ->> 'code' = 'delivered');
update order_status o set refunded_at = (
    select min((e ->> 'at')::timestamptz) from jsonb_array_elements(o.timeline) e where e ->> 'code' = 'refunded');

create index order_status_by_delivered on order_status (delivered_at) where delivered_at is not null;
create index order_status_by_refunded on order_status (refunded_at) where refunded_at is not null;
