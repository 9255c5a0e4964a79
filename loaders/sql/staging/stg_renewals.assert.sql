-- unique: renewal_id, product
-- not null: renewal_id, account_id, renewal_date, product, arr_before
-- accepted: arr_before >= 0 and (arr_after is null or arr_after >= 0)
-- accepted: resolved_date is null or arr_after is not null
-- assert: every account_id is an account (orphans are rejected in validation)
select r.* from stg_renewals as r anti join stg_accounts as a using (account_id)
