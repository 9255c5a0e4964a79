-- unique: account_id
-- not null: account_id, segment, region, csm, has_csm
-- accepted: has_csm or csm = '(none)'
-- assert: every account and every renewal's account has exactly one owner row
select account_id from (select account_id from stg_accounts union select account_id from int_renewal_events union select account_id from int_line_arr)
anti join int_account_owners using (account_id)
