-- unique: account_id, product, valid_from
-- not null: account_id, product, valid_from, arr
-- accepted: arr > 0 and (valid_to is null or valid_to > valid_from)
-- assert: a line's intervals never overlap
select * from (
    select *, lead(valid_from) over (partition by account_id, product order by valid_from) as next_from
    from int_line_arr
) where next_from < valid_to
