// Observable Framework config. Everything the site loads is local: no Google
// Fonts (globalStylesheets is empty), no CDN (pages import from node_modules).
// The build wrapper (loaders/cli/build.ts) writes the footer and title to
// .3r/site.json (or THREER_SITE) and sends the output to a temporary folder.
import { existsSync, readFileSync } from "node:fs";

const sitePath = process.env.THREER_SITE ?? ".3r/site.json";
const site: { title?: string; footer?: string } = existsSync(sitePath) ? JSON.parse(readFileSync(sitePath, "utf8")) : {};

export default {
  root: "src",
  output: process.env.THREER_OUT ?? "dist",
  title: site.title ?? "3R Reports",
  globalStylesheets: [],
  style: "style.css",
  head: '<link rel="icon" href="data:,">',
  footer: site.footer ?? "Provenance (as-of date, input files, checksums) appears here after <code>npm run build</code>.",
  // The account search box on every page: it opens the account page with ?q=. The <a> is rewritten by Framework
  // relative to each page (so the form works at any depth); a page reached as *.html sends to account.html.
  // (window.URL: inside an inline handler a bare URL is document.URL, a string.)
  header: '<form class="account-search" role="search" onsubmit="event.preventDefault(); const u = new window.URL(this.querySelector(\'a\').href); if (location.pathname.endsWith(\'.html\') && !u.pathname.endsWith(\'.html\')) u.pathname += \'.html\'; u.searchParams.set(\'q\', this.q.value); location.href = u.href"><input name="q" type="search" placeholder="Find an account" aria-label="Find an account by name or id" autocomplete="off"> <a href="/account">Accounts</a></form>',
  pager: false,
  search: false,
  pages: [
    {
      name: "Relationship", open: true, pages: [
        { name: "Hygiene and early warning", path: "/relationship" },
        { name: "Loss review", path: "/loss-review" },
        { name: "CSM pages", path: "/csms" },
        { name: "Account", path: "/account" },
      ],
    },
    { name: "Risk", open: true, pages: [{ name: "Red pie versus churn", path: "/risk" }, { name: "Green profile", path: "/green-profile" }] },
    { name: "Revenue", open: true, pages: [{ name: "Renewal waterfall", path: "/revenue" }] },
    { name: "Journey", open: true, pages: [{ name: "Lifecycle and retention", path: "/journey" }] },
    { name: "Data", open: true, pages: [{ name: "Data quality", path: "/data-quality" }] },
  ],
  // One page per CSM (src/csm/[csm].md), named by the URL-safe slug in the relationship dataset.
  async *dynamicPaths() {
    const { csmPagePaths } = await import("./loaders/site/csm-pages.ts");
    yield* await csmPagePaths();
    // The account page's data: one shard file per run of accounts, unpacked from archives (loaders/datasets/shards.ts).
    const { shardPaths } = await import("./loaders/datasets/shards.ts");
    yield* await shardPaths("account");
  },
};
