// Select filters that work with Framework's view(): each is an element with
// a .value and an "input" event. filterBar() puts a page's filters in one
// place (right under the title), keeps them in the URL query (?segment=SMB) so
// a view can be shared and reloaded, and carries them to the other pages
// through the sidebar and page links.
import { distinct } from "./data.js";
import { el } from "./dom.js";

/**
 * A labelled <select>. options: array of values or [value, label] pairs. name: its key in the URL (default: the label's first word).
 * @param {any[]} options
 * @param {{label?: string, value?: any, name?: string}} [settings]
 */
export function select(options, { label, value, name } = {}) {
  const pairs = options.map((o) => (Array.isArray(o) ? o : [o, String(o)]));
  const s = el("select", {}, pairs.map(([, l], i) => el("option", { value: String(i) }, l)));
  const start = pairs.findIndex(([v]) => v === value);
  s.selectedIndex = Math.max(start, 0);
  const wrap = el("label", {}, label ?? "", s);
  wrap.dataset.filter = name ?? filterKey(label);
  wrap.dataset.initial = String(s.selectedIndex);
  Object.defineProperty(wrap, "value", {
    get: () => pairs[s.selectedIndex]?.[0],
    // set from the URL: a value this page does not offer is ignored (the default stays)
    set: (v) => { const i = pairs.findIndex(([x]) => String(x) === String(v)); if (i >= 0) s.selectedIndex = i; },
  });
  Object.defineProperty(wrap, "isDefault", { get: () => String(s.selectedIndex) === wrap.dataset.initial });
  s.addEventListener("change", () => wrap.dispatchEvent(new Event("input", { bubbles: true })));
  s.addEventListener("input", (e) => { e.stopPropagation(); wrap.dispatchEvent(new Event("input", { bubbles: true })); });
  return wrap;
}

/** A filter's URL key from its label: "Period (renewal date)" → "period", "CSM" → "csm". */
export function filterKey(label) {
  return String(label ?? "filter").trim().split(/[\s(:]+/)[0].toLowerCase().replace(/[^a-z0-9-]/g, "") || "filter";
}

/** "All" plus each distinct value, for a filter over a field. */
export function allOf(values, allLabel = "All") {
  return [[null, allLabel], ...values.map((v) => [v, String(v)])];
}

/**
 * The owner filters the report pages share, over the values the rows name: segment, region and CSM, each "All"
 * first (a missing owner is published as "(none)", so it can be chosen too).
 * @param {Record<string, any>[]} data
 */
export function ownerFilters(data) {
  return {
    segment: select(allOf(distinct(data, "segment")), { label: "Segment" }),
    region: select(allOf(distinct(data, "region")), { label: "Region" }),
    csm: select(allOf(distinct(data, "csm")), { label: "CSM" }),
  };
}

/** Keeps rows matching every non-null filter value: filterRows(rows, {segment: "SMB", csm: null}). */
export function filterRows(data, criteria) {
  const active = Object.entries(criteria).filter(([, v]) => v !== null && v !== undefined);
  return data.filter((d) => active.every(([k, v]) => d[k] === v));
}

/**
 * A page's filter bar: the given filters (and any extra element, e.g. a print button), restored from the URL query,
 * written back to it on every change, placed right under the page's title, and carried by the site's links.
 */
export function filterBar(controls, { doc = globalThis.document, place = true } = {}) {
  const bar = el("div", { class: "filters filter-bar", role: "search", "aria-label": "Filters" }, controls);
  const filters = controls.filter((c) => c?.dataset?.filter);
  const params = new URLSearchParams(doc.location.search);
  for (const f of filters) if (params.has(f.dataset.filter)) f.value = params.get(f.dataset.filter);
  bar.addEventListener("input", () => {
    const next = queryWith(doc.location.search, filters.map((f) => [f.dataset.filter, f.isDefault ? null : f.value]));
    doc.defaultView.history.replaceState(doc.defaultView.history.state, "", `${doc.location.pathname}${next}${doc.location.hash}`);
    carryQuery(doc);
  });
  if (place) whenShown(bar, () => {
    // the cell's root moves (not the bar), so Framework still finds it if the cell runs again
    const root = bar.closest(".observablehq") ?? bar;
    const title = doc.querySelector("#observablehq-main h1");
    if (title && title.nextElementSibling !== root) title.after(root);
  });
  carryQuery(doc);
  return bar;
}

/** The query string with the given keys set (null or undefined removes one), others kept. */
export function queryWith(search, entries) {
  const params = new URLSearchParams(search);
  for (const [k, v] of entries) v === null || v === undefined ? params.delete(k) : params.set(k, String(v));
  const s = params.toString();
  return s ? `?${s}` : "";
}

/** Points every link to a page of this site (sidebar and page) at the current query, so filters follow the reader. */
export function carryQuery(doc = globalThis.document) {
  const search = doc.location.search;
  for (const a of doc.querySelectorAll("#observablehq-sidebar a[href], #observablehq-main a[href], #observablehq-footer a[href]")) {
    const href = a.getAttribute("href");
    if (!isPageLink(href)) continue;
    a.setAttribute("href", `${href.replace(/[?#].*$/, "")}${search}`);
  }
}

/** A relative link to a page of this site (page.html, ./ or ../ for home), not a file, an anchor or another site. */
export function isPageLink(href) {
  if (!href || href.startsWith("#") || /^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith("//")) return false;
  const base = href.replace(/[?#].*$/, "");
  return /\.html$/.test(base) || /^(\.\.?\/)*\.{0,2}\/?$/.test(base);
}

function whenShown(node, run, tries = 200) {
  if (node.isConnected) return run();
  if (tries > 0) requestAnimationFrame(() => whenShown(node, run, tries - 1));
}
