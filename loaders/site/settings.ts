/**
 * What the wrappers (`npm run build`, `npm run dev`) hand to Framework's process: one typed object,
 * written once to `<warehouse folder>/site.json` and named by the one variable THREER_SITE. The
 * Framework config (observablehq.config.ts) and the loader stubs (stub.js) read it; nothing else
 * crosses the process boundary. docs/config.md lists it.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

/** The environment variable naming the settings file. */
export const SITE_ENV = "THREER_SITE";

export interface SiteSettings {
  /** Site title (config `title`). */
  title: string;
  /** Provenance footer HTML (provenance.ts). */
  footer: string;
  /** Folder Framework builds into (a new version folder, see publish.ts). */
  output: string;
  /** Folder holding the precomputed datasets (`<name>.json`, and `<name>.tar` that the stubs copy). */
  datasets: string;
  /** Per-CSM page paths `/csm/<slug>` (csm-pages.ts), read under the same lock as the datasets. */
  csmPages: string[];
}

/** Writes the settings atomically: a preview reading them mid-write sees the old or the new, never half. */
export function writeSiteSettings(path: string, settings: SiteSettings): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(`${path}.tmp`, JSON.stringify(settings));
  renameSync(`${path}.tmp`, path);
}

/** The settings the wrapper passed, or null when Framework runs on its own. */
export function readSiteSettings(env: NodeJS.ProcessEnv = process.env): SiteSettings | null {
  const path = env[SITE_ENV];
  if (!path) return null;
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch {
    return null;
  }
}
