/**
 * The order in which test files start. Two files run at a time, so the run ends when the longer of the two
 * queues does: the long files start first, and the run does not end with one of them alone on a core.
 * The list only orders files (a file missing from it, or a stale entry, costs time, never a result); the rest
 * follow in vitest's own order (longest last time, else largest first).
 * CPU seconds per file on the 2-core CI machine (2026-11-29) are beside each entry.
 */
import { BaseSequencer, type TestSpecification } from "vitest/node";

const FIRST = [
  "ingest/bad-inputs.test.ts", // 156 s, five cases at a time
  "site/browser.test.ts", // builds the sample's site, which reading and account then read
  "ingest/bad-inputs-2.test.ts", // 138 s
  "site/hostile.test.ts", // a book generated, built and browsed
  "site/staleness.test.ts", // three builds
  "site/reports.test.ts", // four builds
  "site/atomic.test.ts", // two builds, one killed
  "site/offline.test.ts", // a cold build after npm run clean
  "site/reading.test.ts",
  "metrics/sql-rates.test.ts",
  "ingest/faults.test.ts",
  "site/determinism.test.ts", // two exports from fresh warehouses
  "subscriptions/sample-book.test.ts",
  "ingest/formats.test.ts",
  "site/concurrency.test.ts",
  "sql/assertions.test.ts",
  "risk/sample.test.ts",
  "site/account.test.ts",
];

const rank = (file: TestSpecification) => {
  const i = FIRST.findIndex((f) => file.moduleId.endsWith(`/test/${f}`));
  return i < 0 ? FIRST.length : i;
};
const group = (file: TestSpecification) => file.project.config.sequence.groupOrder ?? 0;

export class LongFirst extends BaseSequencer {
  async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rest = await super.sort(files);
    return rest.map((f, i) => ({ f, i })).sort((a, b) => group(a.f) - group(b.f) || rank(a.f) - rank(b.f) || a.i - b.i).map(({ f }) => f);
  }
}
