/**
 * The provenance footer on every page: as-of date, input files with row
 * counts and checksums, build time. Passed to Framework in the site settings
 * (settings.ts); every value is HTML-escaped.
 */
import type { Ingest } from "../engine/warehouse.ts";

/** Escapes text for HTML (element content and attribute values). */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

/** The footer's HTML. */
export function footerHtml(staged: Pick<Ingest, "asOf" | "asOfSource" | "tables">, builtAt: Date): string {
  const files = staged.tables.filter((t) => t.file).map((t) =>
    `<li><code>${escapeHtml(t.file!)}</code> ${t.rows_used.toLocaleString("en-US")} rows` +
    (t.rows_rejected ? ` (${t.rows_rejected.toLocaleString("en-US")} rejected)` : "") +
    ` <span class="sha" title="SHA-256 ${escapeHtml(t.sha256 ?? "")}">sha256:${escapeHtml((t.sha256 ?? "").slice(0, 12))}</span></li>`);
  const built = builtAt.toISOString().replace("T", " ").slice(0, 16) + " UTC";
  return `<div class="provenance">As of <strong>${escapeHtml(staged.asOf)}</strong> (${escapeHtml(staged.asOfSource)}) · built ${built} · ` +
    `<details><summary>${files.length} input files</summary><ul>${files.join("")}</ul></details>` +
    ` · <a href="/data-quality">Data quality</a> · 3R Reports</div>`;
}
