-- unique: account_id
-- not null: account_id, segment, region, checks_failed, color
-- accepted: checks_failed between 0 and 5
-- accepted: color in ('red', 'yellow', 'green', 'unscored')
-- assert: every account active on the as-of date is listed
select account_id from int_account_status where is_active
    and account_id not in (select account_id from relationship_accounts)
