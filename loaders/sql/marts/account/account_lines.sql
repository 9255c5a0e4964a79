-- account_lines: the contract lines of every renewal event (one row per product line), as known on the as-of date.
with lines as (
    select * from stg_renewals
),

final as (
    select
        account_id,
        renewal_id,
        renewal_date,
        product,
        arr_before::double as arr_before,
        case when resolved_date <= getvariable('as_of') then arr_after end::double as arr_after  -- settled later: not known yet
    from lines
)

select * from final
