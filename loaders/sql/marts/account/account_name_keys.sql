-- account_name_keys: the account search list, one row per account and search key. A key is the start of one word
-- of the name: its first three characters, folded (lower case, accents stripped; fewer for a shorter word). The
-- search box reads only the file holding the key of the first word typed (src/components/account-shard.js
-- nameKey folds the query the same way), so a name is found by the start of any of its words.
with profile as (
    select * from account_profile
),

words as (
    select
        account_id,
        account_name,
        csm,
        unnest(regexp_split_to_array(strip_accents(lower(account_name)), '[^\pL\pN]+')) as word  -- letters and digits
    from profile
    where account_name is not null  -- an account without a name is found by its id (the page looks ids up in its shard)
),

final as (
    select distinct left(word, 3) as name_key, account_id, account_name, csm
    from words
    where word <> ''  -- a separator at either end of a name splits off an empty word
)

select * from final
