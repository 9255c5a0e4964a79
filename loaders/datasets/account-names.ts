/**
 * The account search list, cut by the start of each word of the names so the search box downloads one small file
 * (about 50 KB) whatever the book's size, instead of every account's name (1 MB at 20,000 accounts). Sharded like
 * the account dataset (shards.ts), by search key instead of account.
 */
import { defineDataset } from "./define.ts";

export const accountNames = defineDataset({
  name: "account-names",
  title: "Account search list",
  doc: "Every named account under the start of each word of its name, for the account search box. Published in the site as account-names/a0/index.json (which file holds which keys) and account-names/a<k>/shard-<n>.json (the names under a run of keys); `npm run report` writes it whole as account-names.json. An account without a name is not listed (the account page finds it by id).",
  shards: {
    key: "name_key",
    sql: "select name_key, shard, archive from account_name_shards",
    files: { index: ["key_shards"] },
  },
  tables: {
    key_shards: {
      doc: "Which file holds which search keys: files are runs of keys in order (compared code point by code point), so a key is in the last file whose first_key is ≤ it.",
      sql: "select shard, any_value(archive) as archive, min(name_key) as first_key, max(name_key) as last_key, sum(names) as names from account_name_shards group by shard order by shard",
      columns: {
        shard: { type: "int", doc: "file number n" },
        archive: { type: "int", doc: "its archive k: the file is account-names/a<k>/shard-<n>.json" },
        first_key: { type: "string", doc: "the file's first key" },
        last_key: { type: "string", doc: "the file's last key" },
        names: { type: "int", doc: "rows in the file (about 1,000)" },
      },
    },
    names: {
      doc: "One row per account and search key: the first three characters of a word of its name, in lower case without accents (a shorter word whole).",
      sql: "select * from account_name_keys order by name_key, account_name, account_id",
      columns: {
        name_key: { type: "string", doc: "search key" },
        account_id: { type: "string", doc: "account" },
        account_name: { type: "string", doc: "account name" },
        csm: { type: "string", nullable: true, doc: "owner (accounts.csm)" },
      },
    },
  },
});
