/**
 * Bytes of data each built page downloads: Framework registers every file a
 * page's code may load in the page's inline module, as
 * `registerFile("./data/x.json", {…, "path": "./_file/data/x.1a2b3c4d.json", …, "size": 1234})`.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { gzipSync } from "node:zlib";

/** A file a page references, as written in the page. */
export interface FileRef {
  name: string;
  /** Relative to the page's folder. */
  path: string;
}

/** Every `registerFile(name, {path, …})` in a page's HTML. */
export function parseFileRefs(html: string): FileRef[] {
  const out: FileRef[] = [];
  for (const m of html.matchAll(/registerFile\(\s*("(?:[^"\\]|\\.)*")\s*,\s*(\{[^\n]*?\})\s*\)/g)) {
    try {
      const meta = JSON.parse(m[2]) as { path?: string };
      if (meta.path) out.push({ name: JSON.parse(m[1]) as string, path: meta.path });
    } catch {
      // not the JSON form we know: skip rather than guess
    }
  }
  return out;
}

/** One page's data. */
export interface PageData {
  page: string;
  files: { name: string; bytes: number; gzipBytes: number }[];
  bytes: number;
  gzipBytes: number;
  largest: string | null;
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return e.name.startsWith("_") ? [] : htmlFiles(p);
    return e.name.endsWith(".html") ? [p] : [];
  });
}

/** What one account view downloads: the account page's own files (the shard index) and the largest shard it may fetch. */
export interface AccountView {
  pageBytes: number;
  shards: number;
  largestShardBytes: number;
  bytes: number;
}

/** The account page's registered files plus its largest shard (`data/account/<archive>/shard-<k>.json`); null without the page. */
export function accountView(dist: string, pages: PageData[]): AccountView | null {
  const page = pages.find((p) => p.page === "account");
  if (!page) return null;
  const root = join(dist, "data", "account");
  const shards = readdirSync(root, { recursive: true }).map(String).filter((f) => /(^|\/)shard-\d+\.json$/.test(f)).map((f) => statSync(join(root, f)).size);
  const largestShardBytes = Math.max(0, ...shards);
  return { pageBytes: page.bytes, shards: shards.length, largestShardBytes, bytes: page.bytes + largestShardBytes };
}

/** The data every page of a built site references, largest total first. */
export function pageData(dist: string): PageData[] {
  const sizes = new Map<string, { bytes: number; gzipBytes: number }>();
  const size = (p: string) => {
    if (!sizes.has(p)) sizes.set(p, { bytes: statSync(p).size, gzipBytes: gzipSync(readFileSync(p)).length });
    return sizes.get(p)!;
  };
  const pages = htmlFiles(dist).map((file) => {
    const refs = parseFileRefs(readFileSync(file, "utf8"));
    const files = refs.map((r) => ({ name: r.name.replace(/^(\.\.?\/)+/, ""), ...size(join(dirname(file), r.path)) }));
    const largest = files.reduce<(typeof files)[number] | null>((a, f) => (a && a.bytes >= f.bytes ? a : f), null);
    return {
      page: relative(dist, file).replace(/\.html$/, ""), files,
      bytes: files.reduce((n, f) => n + f.bytes, 0), gzipBytes: files.reduce((n, f) => n + f.gzipBytes, 0),
      largest: largest?.name ?? null,
    };
  });
  return pages.sort((a, b) => b.bytes - a.bytes);
}
