-- What a MANUAL product asks the buyer at checkout ([{name, label, required}]); null for other products.
alter table command_product_catalog add column buyer_fields jsonb;
