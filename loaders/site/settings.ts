/**
 * What the wrappers (`npm run build`, `npm run dev`) hand to Framework's process: one typed object,
 * written to `<warehouse folder>/site-build.json` (or `site-dev.json`) and named by the one variable
 * THREER_SITE. The Framework config (observablehq.config.ts) and the loader stubs (stub.js) read it;
 * nothing else crosses the process boundary. docs/config.md lists it.
 *
 * A build starts Framework before the data is staged and fills the settings in as they become known
 * (footer, then the CSM pages, then `ready`); the config waits for each where Framework first needs it.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

/** The environment variable naming the settings file. */
export const SITE_ENV = "THREER_SITE";

export interface SiteSettings {
  /** Site title (config `title`). */
  title: string;
  /** Provenance footer HTML (provenance.ts); null until the build has read and validated the inputs. */
  footer: string | null;
  /** Folder Framework builds into (a new version folder, see publish.ts). */
  output: string;
  /** Folder holding the precomputed datasets (`<name>.json`, and `<name>.tar` that the stubs copy). */
  datasets: string;
  /** Per-CSM page paths `/csm/<slug>` (csm-pages.ts), read under the same lock as the datasets; null until staged. */
  csmPages: string[] | null;
  /**
   * True once every dataset is computed and in Framework's cache (site-cache.ts). Framework reads no data file
   * before it has every page path, so the config's `dynamicPaths` ends only then (observablehq.config.ts).
   */
  ready: boolean;
}

/** Writes the settings atomically: a preview reading them mid-write sees the old or the new, never half. */
export function writeSiteSettings(path: string, settings: SiteSettings): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(`${path}.tmp`, JSON.stringify(settings));
  renameSync(`${path}.tmp`, path);
}

/** How often a Framework waiting for the wrapper reads the settings again. */
const POLL_MS = 20;

/**
 * The settings once `done` holds for them, or null when Framework runs on its own. Only a Framework the wrapper
 * started waits (it has the wrapper's IPC channel, and ends when the wrapper does: framework-child.js); any
 * other reader of settings still being written is told so.
 */
export async function siteSettingsWhen(done: (s: SiteSettings) => boolean, env: NodeJS.ProcessEnv = process.env,
  canWait = Boolean(process.channel)): Promise<SiteSettings | null> {
  for (;;) {
    const s = readSiteSettings(env);
    if (!s || done(s)) return s;
    if (!canWait) throw new Error(`${env[SITE_ENV]}: a build is still writing these settings; run npm run build or npm run dev`);
    await new Promise((wake) => setTimeout(wake, POLL_MS));
  }
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
