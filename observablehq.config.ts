// Observable Framework config. Everything the site loads is local: no Google
// Fonts (globalStylesheets is empty), no CDN (pages import from node_modules).
// The wrappers (npm run build / npm run dev) pass the title, footer, output folder
// and CSM page list in one settings file (loaders/site/settings.ts); Framework run
// on its own gets the defaults below and no per-CSM pages.
import { readSiteSettings } from "./loaders/site/settings.ts";

const site = readSiteSettings();

export default {
  root: "src",
  output: site?.output ?? "dist",
  title: site?.title ?? "3R Reports",
  globalStylesheets: [],
  style: "style.css",
  head: '<link rel="icon" href="data:,">',
  // A function, read at each render: in preview the footer follows every re-staging.
  footer: () => readSiteSettings()?.footer ?? "Provenance (as-of date, input files, checksums) appears here after <code>npm run build</code>.",
  pager: false,
  search: false,
  pages: [
    {
      name: "Relationship", open: true, pages: [
        { name: "Hygiene and early warning", path: "/relationship" },
        { name: "Loss review", path: "/loss-review" },
        { name: "CSM pages", path: "/csms" },
      ],
    },
    { name: "Risk", open: true, pages: [{ name: "Red pie versus churn", path: "/risk" }, { name: "Green profile", path: "/green-profile" }] },
    { name: "Revenue", open: true, pages: [{ name: "Renewal waterfall", path: "/revenue" }] },
    { name: "Journey", open: true, pages: [{ name: "Lifecycle and retention", path: "/journey" }] },
    { name: "Data", open: true, pages: [{ name: "Data quality", path: "/data-quality" }] },
  ],
  // One page per CSM (src/csm/[csm].md), named by the URL-safe slug in the relationship dataset.
  async *dynamicPaths() {
    yield* readSiteSettings()?.csmPages ?? [];
  },
};
