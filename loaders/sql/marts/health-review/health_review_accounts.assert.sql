-- unique: account_id
-- not null: account_id
-- assert: one row per account active on the as-of date
select account_id from int_account_status where is_active
    and account_id not in (select account_id from health_review_accounts)
