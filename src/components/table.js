// A sortable table with a CSV download. Cells are text (never HTML), and the
// CSV neutralizes spreadsheet formulas so a cell like "=HYPERLINK(…)" stays text.
import { el } from "./dom.js";

/**
 * columns: [{key, label, format?: (v, row) => string, num?: boolean}]
 * options: {csv: "file-name.csv", sort: key, desc: true, empty: "text when no rows", limit}
 */
export function table(data, columns, { csv, sort, desc = false, empty = "No rows.", limit = 2000 } = {}) {
  let sortKey = sort ?? null;
  let descending = desc;
  const tbody = el("tbody");
  const heads = columns.map((c) => el("th", { class: c.num ? "num" : null, scope: "col", onclick: () => {
    descending = sortKey === c.key ? !descending : c.num ?? false;
    sortKey = c.key;
    render();
  } }, c.label ?? c.key));
  const note = el("span");
  function render() {
    const sorted = sortKey === null ? data : [...data].sort((a, b) => compare(a[sortKey], b[sortKey]) * (descending ? -1 : 1));
    tbody.replaceChildren(...sorted.slice(0, limit).map((r) => el("tr", {}, columns.map((c) =>
      el("td", { class: c.num ? "num" : null }, c.format ? c.format(r[c.key], r) : r[c.key] ?? "—")))));
    heads.forEach((h, i) => h.setAttribute("aria-sort", columns[i].key === sortKey ? (descending ? "descending" : "ascending") : "none"));
    note.textContent = `${data.length.toLocaleString("en-US")} row${data.length === 1 ? "" : "s"}${data.length > limit ? `, first ${limit.toLocaleString("en-US")} shown (the CSV has all)` : ""}`;
  }
  render();
  if (data.length === 0) return el("p", { class: "empty" }, empty);
  const tools = el("div", { class: "table-tools" }, note,
    csv ? el("button", { type: "button", onclick: () => download(csv, toCsv(data, columns)) }, "Download CSV") : null);
  return el("div", {}, tools, el("div", { class: "data-table-wrap" }, el("table", { class: "data-table" }, el("thead", {}, el("tr", {}, heads)), tbody)));
}

function compare(a, b) {
  if (a === b) return 0;
  if (a === null || a === undefined) return 1;
  if (b === null || b === undefined) return -1;
  return typeof a === "number" && typeof b === "number" ? a - b : String(a).localeCompare(String(b));
}

/** One CSV cell: quoted when needed; text that a spreadsheet would run as a formula gets a leading apostrophe. */
export function csvCell(v) {
  if (v === null || v === undefined) return "";
  let s = typeof v === "number" ? String(v) : String(v);
  if (typeof v !== "number" && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** Rows → CSV text with the table's column keys as header (raw values, not formatted). */
export function toCsv(data, columns) {
  const lines = [columns.map((c) => csvCell(c.key)).join(",")];
  for (const r of data) lines.push(columns.map((c) => csvCell(r[c.key])).join(","));
  return lines.join("\r\n") + "\r\n";
}

function download(name, text) {
  const url = URL.createObjectURL(new Blob([text], { type: "text/csv;charset=utf-8" }));
  const a = el("a", { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
