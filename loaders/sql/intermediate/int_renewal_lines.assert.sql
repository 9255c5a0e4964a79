-- unique: renewal_id, product
-- not null: renewal_id, account_id, renewal_date, product, arr_before
-- assert: the lines are the renewals file's or the billing record's, never both
select * from (select (select count(*) from stg_renewals) as given, (select count(*) from int_subscription_renewals) as derived)
where given > 0 and derived > 0
