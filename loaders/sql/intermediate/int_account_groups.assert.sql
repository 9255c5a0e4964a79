-- unique: account_id
-- not null: account_id, segment, region, csm, group_id
-- assert: one group_id names one segment, region and CSM combination
select group_id from int_account_groups group by group_id having count(distinct (segment, region, csm)) > 1
