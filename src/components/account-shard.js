// Finding one account in the sharded account dataset (loaders/datasets/shards.ts): which shard holds an id,
// the account's rows out of that shard, and the search box's name matching (its list sharded by search key:
// loaders/datasets/account-names.ts). Pure functions: no DOM, no fetch.
import { rows } from "./data.js";

/** Compares two ids code point by code point (the order the warehouse cuts shards in); -1, 0 or 1. */
export function compareIds(a, b) {
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = x[i].codePointAt(0) - y[i].codePointAt(0);
    if (d) return d < 0 ? -1 : 1;
  }
  return x.length === y.length ? 0 : x.length < y.length ? -1 : 1;
}

/**
 * The shard that would hold account `id` (its index row {shard, archive, first_account_id, last_account_id}):
 * the last shard whose first_account_id ≤ id; null when the id sorts outside every shard's range (it cannot exist).
 */
export function shardOf(id, shards) {
  return inRange(id, shards, "first_account_id", "last_account_id");
}

/** The file of the search list that would hold search key `key` (its key_shards row {shard, archive, first_key, last_key}); null when none can. */
export function keyShardOf(key, keyShards) {
  return inRange(key, keyShards, "first_key", "last_key");
}

/** The last row whose `first` ≤ key, if key ≤ its `last`; rows sorted by `first`, ranges not overlapping. */
function inRange(key, rows, first, last) {
  let lo = 0;
  let hi = rows.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (compareIds(rows[mid][first], key) <= 0) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (found < 0 || compareIds(key, rows[found][last]) > 0) return null;
  return rows[found];
}

/** One account's rows out of a shard file: {table: rows}, every table filtered to the account; null when absent. */
export function accountFrom(file, id) {
  const out = {};
  for (const [name, table] of Object.entries(file.tables)) out[name] = rows(table).filter((r) => r.account_id === id);
  return out.profile?.length ? out : null;
}

const fold = (s) => String(s ?? "").normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().trim();

/**
 * The search key of a query: the first three characters of its first word (letters and digits), folded as the
 * warehouse folds names (account_name_keys.sql: lower case, accents stripped); the whole word when shorter; null
 * when the query has no letter or digit.
 */
export function nameKey(query) {
  const word = fold(query).split(/[^\p{L}\p{N}]+/u).find((w) => w !== "");
  return word ? [...word].slice(0, 3).join("") : null;
}

/**
 * The rows of a search-list file, one per account (an account is listed once per key, and a file holds many keys).
 * @template {{account_id: string}} T
 * @param {T[]} names
 * @returns {T[]}
 */
export function uniqueAccounts(names) {
  const seen = new Set();
  return names.filter((n) => {
    if (seen.has(n.account_id)) return false;
    seen.add(n.account_id);
    return true;
  });
}

/**
 * Accounts matching a search: the exact id first, then names starting with the words typed, then names
 * containing them; at most `limit`. names: rows {account_id, account_name, csm}.
 */
export function searchNames(names, query, limit = 50) {
  const q = fold(query);
  if (!q) return [];
  const scored = [];
  for (const n of names) {
    const name = fold(n.account_name);
    const score = fold(n.account_id) === q ? 0 : name.startsWith(q) ? 1 : name.includes(q) ? 2 : fold(n.account_id).includes(q) ? 3 : -1;
    if (score >= 0) scored.push([score, n]);
  }
  scored.sort((a, b) => a[0] - b[0] || String(a[1].account_name ?? a[1].account_id).localeCompare(String(b[1].account_name ?? b[1].account_id)));
  return scored.slice(0, limit).map(([, n]) => n);
}
