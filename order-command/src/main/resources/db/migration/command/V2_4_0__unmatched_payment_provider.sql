-- Unmatched payment reports now come from several providers, and for more reasons than an unknown order.
alter table command_unmatched_payment_notification
    add column payment_method varchar(16) not null default 'simulator',
    add column reason         text;
