/**
 * Global setup of a test run: one temp folder shared by every test file of the run, for what several files
 * read and none changes, made once by the first file that asks and reused by the rest (under a lock, since
 * files run two at a time): the staged sample book (sample.ts), its `npm run report` export and its built
 * site (site.ts), and Framework's npm bundles (project.ts). Removed when the run ends.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    runDir: string;
  }
}

export default function setup(project: TestProject): () => void {
  const dir = mkdtempSync(join(tmpdir(), "3r-test-run-"));
  project.provide("runDir", dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
