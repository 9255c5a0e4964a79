/**
 * The project's docs published inside the site: docs/<name>.md becomes the page
 * src/docs/<name>.md (links between docs point at the pages). `npm run docs`
 * writes both; a test checks the pages are what the docs generate.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "../engine/fingerprint.ts";

/** The docs published as pages, with their sidebar titles. */
export const SITE_DOCS = [
  { name: "metrics", title: "How figures are computed" },
  { name: "datasets", title: "Published datasets" },
  { name: "contract", title: "Input files" },
] as const;

/** The site page for one doc, from the doc's text. */
export function sitePage(name: string, text: string): string {
  const title = SITE_DOCS.find((d) => d.name === name)?.title ?? name;
  const body = text
    .replace(/\]\((?:\.\/)?(metrics|datasets|contract)\.md(#[^)]*)?\)/g, "](./$1$2)")
    .replace(/<!--[\s\S]*?-->\n*/g, "");
  return `---\ntitle: ${title}\ntoc: true\n---\n\n<!-- Copied from docs/${name}.md by npm run docs: edit that file, not this one. -->\n\n${body}`;
}

/** Every doc page as [path under src/, content], from the docs folder as it is now. */
export function sitePages(docsText: (name: string) => string = (n) => readFileSync(join(ROOT, "docs", `${n}.md`), "utf8")): [string, string][] {
  return SITE_DOCS.map((d) => [join("docs", `${d.name}.md`), sitePage(d.name, docsText(d.name))]);
}
