// Observable Framework config. Everything the site loads is local: no Google
// Fonts (globalStylesheets is empty), no CDN (pages import from node_modules).
// The wrappers (npm run build / npm run dev) pass the title, footer, output folder
// and CSM page list in one settings file (loaders/site/settings.ts); Framework run
// on its own gets the defaults below and no per-CSM pages. A build starts Framework
// while it stages the data: this config waits for the footer before the first page
// is read, and for the datasets after the last (see dynamicPaths).
import { reportPages } from "./loaders/site/report-pages.ts";
import { readSiteSettings, siteSettingsWhen } from "./loaders/site/settings.ts";
import { fileURLToPath } from "node:url";
import { pinNpmVersions } from "./loaders/site/offline-npm.ts";
import { hashNodeBundles } from "./loaders/site/node-bundles.ts";

// Offline builds: the versions Framework's client bundle would ask the npm registry for (see loaders/site/offline-npm.ts).
pinNpmVersions(fileURLToPath(new URL("./src", import.meta.url)));

// Every page shows the provenance footer: the build writes it once the inputs are read and validated.
const site = await siteSettingsWhen((s) => s.footer !== null);

export default {
  root: "src",
  output: site?.output ?? "dist",
  title: site?.title ?? "3R Reports",
  globalStylesheets: [],
  style: "style.css",
  // The filters in the URL query (?segment=SMB) follow the reader through the sidebar, on pages without filters too
  // (pages with filters keep the links current as filters change: src/components/filters.js).
  head: '<link rel="icon" href="data:,"><script>addEventListener("DOMContentLoaded",()=>{const q=location.search;if(q)for(const a of document.querySelectorAll("#observablehq-sidebar a[href],#observablehq-footer a[href]")){const h=a.getAttribute("href");if(/^[^:#?]*\\.html$|^\\.\\.?\\/?$/.test(h))a.setAttribute("href",h+q)}})</script>',
  // A function, read at each render: in preview the footer follows every re-staging.
  footer: () => readSiteSettings()?.footer ?? "Provenance (as-of date, input files, checksums) appears here after <code>npm run build</code>.",
  // The account search box on every page: it opens the account page with ?q=. The <a> is rewritten by Framework
  // relative to each page (so the form works at any depth); a page reached as *.html sends to account.html.
  // (window.URL: inside an inline handler a bare URL is document.URL, a string.)
  header: '<form class="account-search" role="search" onsubmit="event.preventDefault(); const u = new window.URL(this.querySelector(\'a\').href); if (location.pathname.endsWith(\'.html\') && !u.pathname.endsWith(\'.html\')) u.pathname += \'.html\'; u.searchParams.set(\'q\', this.q.value); location.href = u.href"><input name="q" type="search" placeholder="Find an account" aria-label="Find an account by name or id" autocomplete="off"> <a href="/account">Accounts</a></form>',
  pager: false,
  // Links end in .html so any static file server (python3 -m http.server, npm run serve) resolves them: no rewrite rules needed.
  preserveExtension: true,
  search: true,
  pages: [
    {
      name: "Relationship", open: true, pages: [
        { name: "Hygiene and early warning", path: "/relationship" },
        { name: "Health review", path: "/health-review" },
        { name: "Loss review", path: "/loss-review" },
        { name: "CSM pages", path: "/csms" },
        { name: "Account", path: "/account" },
      ],
    },
    { name: "Risk", open: true, pages: [{ name: "Red pie versus churn", path: "/risk" }, { name: "Green profile", path: "/green-profile" }, { name: "Health lab", path: "/health-lab" }] },
    { name: "Revenue", open: true, pages: [{ name: "Renewal waterfall", path: "/revenue" }] },
    { name: "Journey", open: true, pages: [{ name: "Lifecycle and retention", path: "/journey" }] },
    { name: "Data", open: true, pages: [{ name: "Data quality", path: "/data-quality" }] },
    // Analysts' own pages (src/reports/*.md, each reading reports/<name>.sql): see the README's "Add your own analysis".
    ...(reportPages("src").length ? [{ name: "Your reports", open: true, pages: reportPages("src") }] : []),
    // the project's own docs, published from docs/ by npm run docs
    { name: "Docs", open: false, pages: [{ name: "How figures are computed", path: "/docs/metrics" }, { name: "Input files", path: "/docs/contract" }, { name: "Published datasets", path: "/docs/datasets" }] },
  ],
  // One page per CSM (src/csm/[csm].md), named by the URL-safe slug in the relationship dataset. Framework reads
  // every page path before its first data file: ending only once the datasets are in its cache (ready) lets a
  // build read the pages while the data is staged and computed, and never read a data file before it is current.
  async *dynamicPaths() {
    const site = await siteSettingsWhen((s) => s.csmPages !== null);
    yield* site?.csmPages ?? [];
    if (site && !site.ready) await hashNodeBundles(fileURLToPath(new URL(".", import.meta.url)));
    await siteSettingsWhen((s) => s.ready);
  },
};
