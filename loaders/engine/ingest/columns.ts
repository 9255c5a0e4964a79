/**
 * Matches a file's header to the contract's columns (through the config's
 * column mapping, case- and space-insensitively) and says what is wrong with
 * it: no known name at all, a required column missing, or a name given twice.
 */
import { CONTRACT, ONE_OF_COLUMNS, type TableName } from "../contract.ts";
import { ident } from "../db.ts";
import { NATIVE_TYPES } from "./checks.ts";
import { quote } from "./problems.ts";

/** A column as the reader describes it. */
export interface Described {
  column_name: string;
  column_type: string;
}

/** A header problem (always on line 1). */
export interface HeaderProblem {
  expected: string;
  got: string;
  column: string | null;
}

const escapeRegExp = (x: string) => x.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const key = (n: string) => n.trim().toLowerCase();

/** The select list that gives the contract's columns (as text, or in their own type where it is the contract's), and the header's problems (any one makes the file unusable). */
export function pickColumns(table: TableName, described: Described[], mapping: Record<string, string>):
  { selects: string[]; problems: HeaderProblem[]; absent: string[] } {
  const names = described.map((d) => d.column_name);
  const columns = CONTRACT[table].columns;
  const selects: string[] = [];
  const problems: HeaderProblem[] = [];
  /** Optional contract columns the file does not have (and the config does not map). */
  const absent: string[] = [];
  if (!columns.some((c) => names.some((n) => key(n) === key(mapping[c.name] ?? c.name)))) {
    // Not one known name: the first line is data, or the file uses other names that the config should map.
    const required = columns.filter((c) => c.required !== false).map((c) => mapping[c.name] ?? c.name);
    problems.push({
      expected: `a header line naming the columns (${required.join(", ")} at least; other names can be mapped in the config)`,
      got: names.map((n) => quote(n)).join(", "), column: null,
    });
    return { selects, problems, absent };
  }
  for (const col of columns) {
    const wanted = mapping[col.name] ?? col.name;
    const via = wanted === col.name ? "" : ` (the config's name for ${col.name})`;
    // The reader renames a repeated header name "x" to "x_1": count those as the same name.
    const renamed = new RegExp(`^${escapeRegExp(key(wanted))}_\\d+$`);
    const plain = described.filter((d) => key(d.column_name) === key(wanted));
    const same = plain.length ? [...plain, ...described.filter((d) => renamed.test(key(d.column_name)))] : [];
    if (same.length > 1) {
      problems.push({ expected: `one column named "${wanted}"${via}`, got: `${same.length} columns named so`, column: col.name });
      continue;
    }
    if (!same.length) {
      // A required column, or one the config names explicitly: the mapping or the file is wrong.
      if (col.required !== false || via) {
        problems.push({ expected: `a column "${wanted}"${via}`, got: `columns ${names.map((n) => quote(n)).join(", ")}`, column: col.name });
      } else {
        absent.push(col.name);
      }
      selects.push(`null::varchar as ${ident(col.name)}`);
      continue;
    }
    const ref = ident(same[0].column_name);
    const type = same[0].column_type;
    // A source that already holds the contract's type (typed Parquet) keeps it: no text round trip.
    // JSON values arrive as JSON: ->>'$' gives the bare text, without JSON quotes.
    const value = NATIVE_TYPES[col.kind]?.test(type) ? ref : type === "JSON" ? `(${ref} ->> '$')` : `cast(${ref} as varchar)`;
    selects.push(`${value} as ${ident(col.name)}`);
  }
  problems.push(...oneOf(table, names, mapping));
  return { selects, problems, absent };
}

/** A file must name exactly one of a set of alternative columns (subscriptions: mrr or arr): two would be read twice. */
function oneOf(table: TableName, names: string[], mapping: Record<string, string>): HeaderProblem[] {
  const group = ONE_OF_COLUMNS[table];
  if (!group) return [];
  const wanted = group.map((c) => mapping[c] ?? c);
  const present = wanted.filter((w) => names.some((n) => key(n) === key(w)));
  if (present.length === 1) return [];
  if (present.length === 0) {
    return [{ expected: `a column ${wanted.map((w) => `"${w}"`).join(" or ")}`, got: `columns ${names.map((n) => quote(n)).join(", ")}`, column: group[0] }];
  }
  return [{ expected: `one of the columns ${wanted.map((w) => `"${w}"`).join(", ")}, not both (keep one)`, got: `both ${present.map((w) => `"${w}"`).join(" and ")}`, column: group[1] }];
}
