/** The documentation of every dataset, generated from the definitions (docs/datasets.md and the report's README). */
import type { DatasetDef } from "./define.ts";

/** Markdown describing each dataset, its tables and their columns. */
export function datasetsReadme(datasets: readonly DatasetDef[]): string {
  const out = [
    "# Published datasets",
    "",
    "Generated from `loaders/datasets/*.ts`; do not edit by hand (`npm run docs` rewrites it).",
    "",
    "Each dataset is one JSON file: `{dataset, title, asOf, currency, tables}`. Every table is column-oriented:",
    "`{\"column\": [value, value, …], …}`, all columns the same length. Dates are `YYYY-MM-DD`; money is in the",
    "config's currency; a rate whose denominator is 0 is `null` (shown as \"—\"), never 0.",
    "",
  ];
  for (const d of datasets) {
    out.push(`## ${d.name}.json — ${d.title}`, "", d.doc, "");
    // A report's columns are the query's own, and a user's reports are theirs: not listed here (docs/tables.md lists what they read).
    for (const [name, t] of Object.entries(d.tables).filter(([, t]) => !t.columnsFrom)) {
      out.push(`### ${d.name} › ${name}`, "", t.doc, "", "| column | type | meaning |", "|---|---|---|");
      for (const [c, def] of Object.entries(t.columns)) out.push(`| \`${c}\` | ${def.type}${def.nullable ? " or null" : ""} | ${def.doc.replaceAll("|", "\\|")} |`);
      out.push("");
    }
  }
  return out.join("\n");
}
