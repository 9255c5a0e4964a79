/**
 * The provenance footer on every page: as-of date, input files with row
 * counts and checksums, build time. Written by the build wrapper to a JSON
 * file that observablehq.config.ts reads; every value is HTML-escaped.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import type { Ingest } from "../engine/warehouse.ts";

/** Escapes text for HTML (element content and attribute values). */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

/** The footer's HTML. */
export function footerHtml(staged: Pick<Ingest, "asOf" | "tables">, builtAt: Date, asOfSource: string): string {
  const files = staged.tables.filter((t) => t.file).map((t) =>
    `<li><code>${escapeHtml(t.file!)}</code> ${t.rows_used.toLocaleString("en-US")} rows` +
    (t.rows_rejected ? ` (${t.rows_rejected.toLocaleString("en-US")} rejected)` : "") +
    ` <span class="sha" title="SHA-256 ${escapeHtml(t.sha256 ?? "")}">sha256:${escapeHtml((t.sha256 ?? "").slice(0, 12))}</span></li>`);
  const built = builtAt.toISOString().replace("T", " ").slice(0, 16) + " UTC";
  return `<div class="provenance">As of <strong>${escapeHtml(staged.asOf)}</strong> (${escapeHtml(asOfSource)}) · built ${built} · ` +
    `<details><summary>${files.length} input files</summary><ul>${files.join("")}</ul></details>` +
    ` · <a href="/data-quality">Data quality</a> · 3R Reports</div>`;
}

/** Writes the site settings observablehq.config.ts reads. */
export function writeSiteSettings(path: string, settings: { footer: string; title: string }): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, JSON.stringify(settings));
}
