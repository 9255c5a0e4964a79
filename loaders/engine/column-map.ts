/**
 * The config's `columns` setting (contract column → the file's name for it),
 * checked against the contract: a table or column name that is not the
 * contract's is a typo that would otherwise be ignored silently, and one file
 * column given to two contract columns is ambiguous.
 */
import { CONTRACT, TABLE_NAMES, type TableName } from "./contract.ts";

/** Edit distance, for "did you mean". */
function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
  }
  return d[a.length][b.length];
}

/** `; did you mean "x"?` for the nearest known name, if it is near enough; else the list of known names. */
export function didYouMean(name: string, known: readonly string[]): string {
  const [best] = [...known].sort((x, y) => distance(name.toLowerCase(), x) - distance(name.toLowerCase(), y));
  if (best && distance(name.toLowerCase(), best) <= Math.max(2, Math.floor(best.length / 3))) return `; did you mean "${best}"?`;
  return `; known names: ${known.join(", ")}`;
}

/** The problems of a column mapping, one line each (`columns.table.column: …`); none when it is right. */
export function columnMapProblems(columns: Record<string, Record<string, string>>): string[] {
  const out: string[] = [];
  for (const [table, map] of Object.entries(columns)) {
    if (!(TABLE_NAMES as readonly string[]).includes(table)) {
      out.push(`columns.${table}: not a table of the contract${didYouMean(table, TABLE_NAMES)}`);
      continue;
    }
    const known = CONTRACT[table as TableName].columns.map((c) => c.name);
    const bySource = new Map<string, string[]>();
    for (const [column, source] of Object.entries(map)) {
      if (!known.includes(column)) out.push(`columns.${table}.${column}: not a column of ${table}${didYouMean(column, known)}`);
      const key = source.trim().toLowerCase();
      bySource.set(key, [...(bySource.get(key) ?? []), column]);
    }
    for (const cols of bySource.values()) {
      if (cols.length > 1) out.push(`columns.${table}: "${map[cols[0]]}" is mapped to ${cols.join(" and ")}; one file column can feed only one contract column`);
    }
  }
  return out;
}
