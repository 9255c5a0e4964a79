-- unique: account_id, run_no
-- not null: account_id, run_no, color, run_from, run_to
-- accepted: run_from < run_to
-- assert: two stretches in a row never share a color
select * from (
    select *, lag(color) over (partition by account_id order by run_from) as previous from int_health_runs
) where color = previous
