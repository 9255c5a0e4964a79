// Observable Framework config. Everything the site loads is local: no Google
// Fonts (globalStylesheets is empty), no CDN (pages import from node_modules).
// The build wrapper (loaders/cli/build.ts) writes the footer and title to
// .3r/site.json (or THREER_SITE) and sends the output to a temporary folder.
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { pinNpmVersions } from "./loaders/offline-npm.ts";

// Offline builds: the versions Framework's client bundle would ask the npm registry for (see loaders/offline-npm.ts).
pinNpmVersions(fileURLToPath(new URL("./src", import.meta.url)));

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
    const { csmPagePaths } = await import("./loaders/site/csm-pages.ts");
    yield* await csmPagePaths();
  },
};
