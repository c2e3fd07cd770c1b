-- The provider the buyer chose; orders from before there was a choice were paid through the simulator.
alter table order_status add column payment_method varchar(16) not null default 'simulator';
