-- One database per service in the scaled-out mode; "cardflow" for the all-in-one platform.
create database command;
create database query;
create database fulfilment;
create database simulators;
