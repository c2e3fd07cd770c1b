-- Operator alerts (dev.cardflow.infrastructure.alert): what was raised, each channel's delivery, and the quiet period.
create table alert (
    id         bigserial     primary key,
    kind       varchar(32)   not null,
    severity   varchar(16)   not null,
    subject    varchar(200)  not null,
    message    varchar(2000) not null,
    link       varchar(500),
    raised_at  timestamptz   not null,
    -- raised again within the quiet period, and not sent again
    repeats    int           not null default 0
);
create index alert_raised_at on alert (raised_at desc, id desc);

-- one row per kind and subject: its upsert is the exact de-duplication across instances
create table alert_quiet (
    kind        varchar(32)  not null,
    subject     varchar(200) not null,
    quiet_until timestamptz  not null,
    alert_id    bigint,
    primary key (kind, subject)
);

create table alert_delivery (
    alert_id        bigint       not null references alert (id) on delete cascade,
    channel         varchar(16)  not null,
    status          varchar(8)   not null check (status in ('pending', 'sent', 'failed')),
    attempts        int          not null default 0,
    last_error      varchar(500),
    next_attempt_at timestamptz,
    sent_at         timestamptz,
    primary key (alert_id, channel)
);
create index alert_delivery_due on alert_delivery (next_attempt_at) where status = 'pending';
