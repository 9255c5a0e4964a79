// Links to the account page (src/account.md, which reads ?id=) from any page at any depth. The URL is built from
// this module's own address (it is served from <site>/_import/components/), so it is right under /csm/… too; and
// it ends in .html when the site's own links do (Framework's cleanUrls: false, for plain static file servers).
import { el } from "./dom.js";

const SITE_ROOT = new URL("../../", import.meta.url);

/** Does the site link its pages with the .html extension? Read from the sidebar Framework wrote, else the URL. */
function usesHtmlExtension() {
  if (typeof document === "undefined") return false;
  const links = [...document.querySelectorAll("#observablehq-sidebar a[href]")].map((a) => a.getAttribute("href"));
  return links.some((h) => /\.html(?:[?#]|$)/.test(h)) || location.pathname.endsWith(".html");
}

/**
 * The account page's URL: for one account (`id`), a search (`q`), or the bare page.
 * @param {{id?: string | null, q?: string | null}} [target]
 * @param {{root?: URL, html?: boolean}} [options]
 */
export function accountHref({ id, q } = {}, { root = SITE_ROOT, html = usesHtmlExtension() } = {}) {
  const url = new URL(html ? "account.html" : "account", root);
  if (id !== undefined && id !== null) url.searchParams.set("id", id);
  if (q !== undefined && q !== null) url.searchParams.set("q", q);
  return url.href;
}

/** A link to one account's page, its text the name (or the id when the account has no name). */
export function accountLink(id, name) {
  return el("a", { href: accountHref({ id }), class: "account-link" }, name ?? id);
}

/** A table column formatter: `format: linkAccount` on an account-name column of a row that carries account_id. */
export function linkAccount(value, row) {
  return row?.account_id ? accountLink(row.account_id, value ?? row.account_id) : value ?? "—";
}

/**
 * Where a shard of a sharded dataset may be, from its row in the dataset's index: the built site has it at
 * <site>/data/<dataset>/a<k>/shard-<n>.json (loaders/datasets/shards.ts); Framework's preview (npm run dev) serves
 * loader output under <site>/_file/ only. Try them in this order.
 */
export function shardUrls(dataset, { shard, archive }, { root = SITE_ROOT } = {}) {
  const path = `data/${dataset}/a${archive}/shard-${shard}.json`;
  return [new URL(path, root).href, new URL(`_file/${path}`, root).href];
}

/** The URLs of a shard of the account dataset (shardUrls). */
export function accountShardUrls(row, options = {}) {
  return shardUrls("account", row, options);
}
