-- unique: account_id, valid_from
-- not null: account_id, color, valid_from, valid_to
-- accepted: valid_from < valid_to
-- assert: an account's intervals never overlap
select * from (
    select *, lead(valid_from) over (partition by account_id order by valid_from) as next_from
    from int_health_intervals
) where next_from < valid_to
