/**
 * Global setup of the site tests: one folder per test run where the bundled
 * sample's site is built once (by the first file that asks, `sampleSite()`)
 * and read by every file that only reads it. Removed when the run ends.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    sampleSite: string;
  }
}

export default function setup(project: TestProject): () => void {
  const dir = mkdtempSync(join(tmpdir(), "3r-sample-site-"));
  project.provide("sampleSite", dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
