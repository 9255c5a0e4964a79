-- int_account_contacts: per account, its contacts as they stand today (contacts carry no dates):
-- how many, how many decision makers, and whether one is an executive sponsor.
with contacts as (
    select * from stg_contacts
),

final as (
    select
        account_id,
        count(*) as contacts,
        count(*) filter (where role = 'decision_maker') as decision_makers,
        bool_or(is_exec_sponsor) as has_exec_sponsor
    from contacts
    group by account_id
)

select * from final
