-- The simulated mail service: what the shop sent to buyers.
create table mailbox_message (
    id          bigserial    primary key,
    to_address  varchar(320) not null,
    subject     varchar(300) not null,
    body        text         not null,
    received_at timestamptz  not null default now()
);
create index mailbox_message_to on mailbox_message (lower(to_address));
