-- relationship_csms: every named CSM (accounts.csm) with the URL-safe slug of their page (/csm/<slug>) and
-- the size of their book today. The slug is lower-case ASCII letters, digits and hyphens; two names that give
-- the same slug are told apart by a short hash of the name, so a slug never depends on file order.
with accounts as (
    select * from stg_accounts
),

status as (
    select * from int_account_status
),

books as (
    select
        a.csm,
        count(*) as accounts,
        count(*) filter (where s.is_active) as active_accounts,
        coalesce(sum(s.current_arr) filter (where s.is_active), 0)::decimal(18, 2) as current_arr
    from accounts as a
    join status as s using (account_id)
    where a.csm is not null  -- a page is about a person
    group by a.csm
),

based as (
    select
        *,
        trim(left(trim(regexp_replace(lower(strip_accents(csm)), '[^a-z0-9]+', '-', 'g'), '-'), 60), '-') as base
    from books
),

named as (
    select
        *,
        case when base in ('', 'index') then 'csm-' || substr(md5(csm), 1, 8) else base end as stem
    from based
),

final as (
    select
        csm,
        case
            when row_number() over (partition by stem order by csm) = 1 then stem
            else stem || '-' || substr(md5(csm), 1, 8)
        end as slug,
        accounts,
        active_accounts,
        current_arr
    from named
)

select * from final
