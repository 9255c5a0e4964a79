-- account_nps: every NPS response up to the as-of date, with its category under the configured thresholds.
with responses as (
    select * from stg_nps
),

final as (
    select
        account_id,
        responded_at,
        score,
        case
            when score >= getvariable('promoter') then 'promoter'
            when score <= getvariable('detractor') then 'detractor'
            else 'passive'
        end as category
    from responses
    where responded_at <= getvariable('as_of')  -- an answer given later was not known yet
)

select * from final
