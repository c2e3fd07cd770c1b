-- the available-key count at or below which operators are alerted (null: never); projected from the Inventory's events
alter table product_stock add column low_stock_threshold int;
