-- account_settings: the settings the account page was computed with, one row, kept beside the figures because the
-- variables exist only while the models are built.
with final as (
    select
        getvariable('publish_contacts') as publish_contacts,
        getvariable('lookback_days') as lookback_days,
        getvariable('early_warning_from_days') as early_warning_from_days,
        getvariable('early_warning_to_days') as early_warning_to_days
)

select * from final
