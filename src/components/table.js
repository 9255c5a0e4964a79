// The one table of the site: search, sort, pages, a totals row and a CSV
// download. Cells are text (never HTML), and the CSV neutralizes spreadsheet
// formulas so a cell like "=HYPERLINK(…)" stays text. The CSV says what the
// table says: headers are the column labels, numbers rounded as shown.
import { el } from "./dom.js";

const PAGE_SIZES = [10, 25, 50, 100];

/**
 * columns: [{key, label, format?: (v, row) => string | Node, num?: boolean, sum?: boolean (a totals row adds it up),
 *            csv?: (v, row) => value for the download}]
 * options: {csv: "file-name.csv", sort: key, desc: true, empty: "text when no rows", pageSize: 25,
 *           search: true (a search box; on by default above one page of rows), csvRaw: false (full precision),
 *           limit (kept for older pages: the largest page size offered)}
 * @param {any[]} data
 * @param {any[]} columns
 * @param {{csv?: string, sort?: string, desc?: boolean, empty?: string, limit?: number, pageSize?: number, search?: boolean, csvRaw?: boolean}} [options]
 */
export function table(data, columns, { csv, sort, desc = false, empty = "No rows.", limit, pageSize = 25, search, csvRaw = false } = {}) {
  if (data.length === 0) return el("p", { class: "empty" }, empty);
  let sortKey = sort ?? null;
  let descending = desc;
  let query = "";
  let page = 0;
  let size = pageSize;
  const texts = new Map(); // row → lower-case text of every cell, for the search box
  const tbody = el("tbody");
  const tfoot = el("tfoot");
  const heads = columns.map((c) => el("th", { class: c.num ? "num" : null, scope: "col", tabindex: 0, title: "Sort",
    onclick: () => resort(c), onkeydown: (e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); resort(c); } } }, c.label ?? c.key));
  function resort(c) {
    descending = sortKey === c.key ? !descending : c.num ?? false;
    sortKey = c.key;
    render();
  }
  const note = el("span", { class: "table-count" });
  const prev = el("button", { type: "button", onclick: () => { page--; render(); } }, "‹ Prev");
  const next = el("button", { type: "button", onclick: () => { page++; render(); } }, "Next ›");
  const sizes = [...new Set([...PAGE_SIZES, size, ...(limit ? [limit] : [])])].filter((n) => n > 0).sort((a, b) => a - b);
  const sizeIn = el("select", { "aria-label": "Rows per page", onchange: () => { size = Number(sizeIn.value); page = 0; render(); } },
    sizes.map((n) => el("option", { value: n, selected: n === size }, `${n} per page`)), el("option", { value: Infinity }, "all rows"));
  const searchIn = el("input", { type: "search", placeholder: "Search…", "aria-label": "Search this table",
    oninput: () => { query = searchIn.value.trim().toLowerCase(); page = 0; render(); } });
  const showSearch = search ?? data.length > pageSize;
  const pager = el("span", { class: "table-pager" }, prev, next, sizeIn);

  function render() {
    const found = query ? data.filter((r) => rowText(r).includes(query)) : data;
    const sorted = sortKey === null ? found : sortRows(found, sortKey, descending);
    const pages = Math.max(1, Math.ceil(sorted.length / size));
    page = Math.min(Math.max(page, 0), pages - 1);
    const shown = sorted.slice(page * size, (page + 1) * size);
    tbody.replaceChildren(...shown.map((r) => el("tr", {}, columns.map((c) => cell(c, r[c.key], r)))));
    if (shown.length === 0) tbody.replaceChildren(el("tr", {}, el("td", { colspan: columns.length, class: "empty" }, `No row matches “${query}”.`)));
    const sums = totals(found, columns);
    tfoot.replaceChildren(...(sums ? [el("tr", {}, columns.map((c, i) =>
      c.sum ? cell(c, sums[c.key], sums) : el("td", {}, i === 0 ? (found.length === data.length ? "Total" : `Total of ${plural(found.length, "match", "matches")}`) : "")))] : []));
    heads.forEach((h, i) => {
      h.setAttribute("aria-sort", columns[i].key === sortKey ? (descending ? "descending" : "ascending") : "none");
    });
    note.textContent = pageNote(page, size, sorted.length, data.length);
    prev.disabled = page === 0;
    next.disabled = page >= pages - 1;
    pager.hidden = data.length <= Math.min(...sizes);
  }
  function rowText(r) {
    let t = texts.get(r);
    if (t === undefined) {
      t = columns.map((c) => displayText(c, r[c.key], r)).join("\u0000").toLowerCase();
      texts.set(r, t);
    }
    return t;
  }
  render();
  const tools = el("div", { class: "table-tools" }, showSearch ? searchIn : null, note, pager,
    csv ? el("button", { type: "button", onclick: () => download(csv, toCsv(data, columns, { raw: csvRaw })) }, "Download CSV") : null);
  return el("div", { class: "data-table-block" }, tools,
    el("div", { class: "data-table-wrap" }, el("table", { class: "data-table" }, el("thead", {}, el("tr", {}, heads)), tbody, tfoot)));
}

function cell(c, v, r) {
  const shown = c.format ? c.format(v, r) : v ?? "—";
  const text = shown instanceof Node ? shown.textContent : String(shown);
  // short cells (ids, dates, names, figures) never break; long prose wraps
  return el("td", { class: [c.num ? "num" : null, text.length > 40 ? "wrap" : null].filter(Boolean).join(" ") || null }, shown);
}

/** "1 account", "2 accounts". */
function plural(n, one, many = `${one}s`) {
  return `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;
}

/** The line above a table: which rows are shown out of how many. */
export function pageNote(page, size, matching, total) {
  const of = matching === total ? plural(total, "row") : `${plural(matching, "match", "matches")} of ${plural(total, "row")}`;
  if (matching <= size) return of;
  const from = page * size + 1;
  return `${from.toLocaleString("en-US")}–${Math.min(from + size - 1, matching).toLocaleString("en-US")} of ${of}`;
}

/** The sums of the columns marked sum: true over the given rows (nulls skipped), or null when no column adds up. */
export function totals(data, columns) {
  const summed = columns.filter((c) => c.sum);
  if (summed.length === 0) return null;
  const out = {};
  for (const c of summed) out[c.key] = data.reduce((s, r) => (typeof r[c.key] === "number" && Number.isFinite(r[c.key]) ? s + r[c.key] : s), 0);
  return out;
}

/** Rows sorted by one field; missing values go last whichever the direction. */
export function sortRows(data, key, descending = false) {
  return [...data].sort((a, b) => {
    const x = a[key], y = b[key];
    const xm = x === null || x === undefined, ym = y === null || y === undefined;
    if (xm || ym) return xm === ym ? 0 : xm ? 1 : -1;
    return compare(x, y) * (descending ? -1 : 1);
  });
}

function compare(a, b) {
  if (a === b) return 0;
  return typeof a === "number" && typeof b === "number" ? a - b : String(a).localeCompare(String(b));
}

/** What a cell shows, as text (a link's text for a link). */
export function displayText(c, v, r) {
  const shown = c.format ? c.format(v, r) : v ?? "";
  return shown === null || shown === undefined ? "" : typeof shown === "object" && "textContent" in shown ? shown.textContent : String(shown);
}

/**
 * A cell's value in the CSV: what the table shows, as a spreadsheet reads it.
 * A number keeps the precision it is shown with ("22.3%" stays 22.3%, "0.42" is
 * 0.42, "$1.2M" or "$23,823" is the whole amount 1234567 or 23823, "1,234" is
 * 1234); text is the shown text; a dash (missing) is empty.
 */
export function csvValue(c, v, r) {
  if (c.csv) return c.csv(v, r);
  const shown = displayText(c, v, r).trim();
  if (v === null || v === undefined || shown === "—" || shown === "") return typeof v === "number" || v === null || v === undefined ? "" : shown;
  if (typeof v !== "number") return shown;
  const neg = /^[-−]/.test(shown) ? "-" : "";
  const plain = neg + shown.replace(/^[-−]/, "").replaceAll(",", "").replace(/^[^\d.]+/, "");
  if (/^-?[\d.]+%$/.test(plain)) return plain;
  if (/^-?\d+(\.\d+)?$/.test(plain)) return Number(plain);
  // compact (K/M/B), currency words or units: the whole amount
  if (/^-?[\d.]+\s*[KMBT]\b/i.test(plain) || /\d/.test(plain)) return Math.round(v);
  return shown;
}

/** One CSV cell: quoted when needed; text that a spreadsheet would run as a formula gets a leading apostrophe. */
export function csvCell(v) {
  if (v === null || v === undefined) return "";
  let s = String(v);
  // a negative percentage ("-5.2%") is a number to a spreadsheet, not a formula
  if (typeof v !== "number" && /^[=+\-@\t\r]/.test(s) && !/^-\d+(\.\d+)?%$/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/**
 * Rows → CSV text. Headers are the column labels; values are rounded as the
 * table shows them, or full precision with {raw: true} (then the header is still the label).
 */
export function toCsv(data, columns, { raw = false } = {}) {
  const lines = [columns.map((c) => csvCell(c.label ?? c.key)).join(",")];
  for (const r of data) lines.push(columns.map((c) => csvCell(raw ? rawValue(r[c.key]) : csvValue(c, r[c.key], r))).join(","));
  return lines.join("\r\n") + "\r\n";
}

function rawValue(v) {
  return typeof v === "boolean" ? (v ? "true" : "false") : v;
}

function download(name, text) {
  const url = URL.createObjectURL(new Blob([text], { type: "text/csv;charset=utf-8" }));
  const a = el("a", { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
