/**
 * The sidebar's "Your reports" section: one link per analyst's page in src/reports/, named by its
 * front-matter title (or its file name), so a scaffolded report shows up at the next build.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** Sidebar entries `{name, path}` for src/reports/*.md, sorted by name. */
export function reportPages(src: string): { name: string; path: string }[] {
  const dir = join(src, "reports");
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => f.endsWith(".md")).map((f) => {
    const text = readFileSync(join(dir, f), "utf8");
    const title = /^---\n[\s\S]*?^title:\s*(.+?)\s*$[\s\S]*?^---/m.exec(text)?.[1] ?? f.slice(0, -3);
    return { name: title.replace(/^["']|["']$/g, ""), path: `/reports/${f.slice(0, -3)}` };
  }).sort((a, b) => a.name.localeCompare(b.name));
}
