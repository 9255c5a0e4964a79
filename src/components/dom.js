// Tiny DOM helpers. Text always goes in through textContent, never innerHTML,
// so an account named "<script>…" is shown as text.

/** An element with attributes and children (strings become text nodes). */
export function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === "class") e.className = v;
    else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return e;
}

/**
 * A link to another page of the site that works on any static file server: the
 * built pages are files named page.html (observablehq.config.ts preserveExtension),
 * so "./csm/ana" becomes "./csm/ana.html". The query (filter state) is kept.
 */
export function pageHref(path) {
  const cut = path.search(/[?#]/);
  const base = cut < 0 ? path : path.slice(0, cut);
  const rest = cut < 0 ? "" : path.slice(cut);
  const last = base.split("/").at(-1);
  return (base.endsWith("/") || last === "" || last === "." || last === ".." || last.includes(".") ? base : `${base}.html`) + rest;
}
