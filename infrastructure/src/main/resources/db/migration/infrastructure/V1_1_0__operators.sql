-- Operator accounts besides the bootstrap admin (CARDFLOW_ADMIN_PASSWORD): bcrypt hashes only.
create table cardflow_operator (
    username      varchar(64)  primary key,
    password_hash varchar(100) not null,
    role          varchar(16)  not null check (role in ('OPERATOR', 'ADMIN')),
    created_at    timestamptz  not null default now()
);
