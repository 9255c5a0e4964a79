/**
 * `npm run new-report -- <name>`: scaffolds an analyst's report, `reports/<name>.sql` and its page
 * `src/reports/<name>.md`, with a working example (a table and a chart) that the next `npm run build`
 * publishes and lists in the sidebar under "Your reports".
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "../engine/fingerprint.ts";
import { REPORT_NAME, REPORTS_DIR, suggestName } from "../engine/reports.ts";
import { runMain, UsageError } from "./args.ts";

/** The example query: GRR and logo churn per segment and renewal year, from the staged renewal events. */
export function reportSql(name: string): string {
  return `-- ${name}: what this report shows, in one sentence (the first comment line is kept as its description).
-- Read any staged table by name (docs/tables.md lists them with their columns) and the settings with
-- getvariable('as_of'), getvariable('lookback_days') or a threshold in snake case. Each run of
-- npm run build rebuilds this table only when this file or a table it reads changed.
with events as (
    select * from int_renewal_events_owned
),

final as (
    select
        segment,
        renewal_year,
        count(*) as renewals,
        sum(resolved_value) as resolved_arr,
        sum(retained) / nullif(sum(resolved_value), 0) as grr,
        count(*) filter (where is_churned) / count(*) as logo_churn_rate
    from events
    where is_resolved  -- an outcome counts once it is settled
    group by all
)

select * from final
order by renewal_year desc, segment
`;
}

/** The example page: the report's rows as a chart and a table. */
export function reportPage(name: string, title: string): string {
  return `---
title: ${title}
---

\`\`\`js
import { load } from "../components/data.js";
import { reportRows, reportTable } from "../components/reports.js";
import { chart } from "../components/chart.js";
import { reportBarsSpec } from "../components/specs/report-bars.js";
const reports = await load({ ${name}: FileAttachment("../data/reports/${name}.arrow").arrayBuffer() });
const data = reportRows(reports, "${name}");
\`\`\`

# ${title}

What the reader should take from this page, as of **\${reports.asOf}**. The numbers come from \`${REPORTS_DIR}/${name}.sql\`.

\`\`\`js
display(chart(reportBarsSpec(data, { x: "segment", y: "grr", group: "renewal_year", format: ".0%", xTitle: "Segment", yTitle: "GRR", title: "Gross retention" })));
display(reportTable(data, "${name}", { currency: reports.currency }));
\`\`\`
`;
}

/** "renewals_by_industry" → "Renewals by industry". */
export function titleOf(name: string): string {
  const t = name.replace(/_/g, " ");
  return t.charAt(0).toUpperCase() + t.slice(1);
}

runMain(async () => {
  const [name, ...rest] = process.argv.slice(2);
  if (!name || rest.length) throw new UsageError("usage: npm run new-report -- <name>   (lower-case letters, digits and underscores)");
  if (!REPORT_NAME.test(name)) throw new UsageError(`"${name}" cannot name a report: use lower-case letters, digits and underscores, starting with a letter (e.g. ${suggestName(name)})`);
  const sql = join(ROOT, REPORTS_DIR, `${name}.sql`);
  const page = join(ROOT, "src", "reports", `${name}.md`);
  for (const f of [sql, page]) if (existsSync(f)) throw new UsageError(`${f} exists already: pick another name, or edit it`);
  mkdirSync(join(ROOT, REPORTS_DIR), { recursive: true });
  mkdirSync(join(ROOT, "src", "reports"), { recursive: true });
  writeFileSync(sql, reportSql(name));
  writeFileSync(page, reportPage(name, titleOf(name)));
  console.log(`wrote ${REPORTS_DIR}/${name}.sql and src/reports/${name}.md\nnext: edit the query, then npm run build (or npm run dev to see it change as you save)`);
  return 0;
});
