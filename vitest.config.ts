import { accessSync, constants } from "node:fs";
import { configDefaults, defineConfig } from "vitest/config";
import { LongFirst } from "./test/helpers/sequencer.ts";

// Temp folders in memory where the machine has /dev/shm (unless TMPDIR says otherwise): every staged test book is a
// DuckDB file whose commits wait for the disk (a one-row book: 2.4 s of CPU, 3.5 s on disk, 2 s in memory), and
// a core waiting for the disk runs no test. Set here, so the global setup, the workers and their builds all use it.
const inMemory = (dir: string) => { try { accessSync(dir, constants.W_OK); return true; } catch { return false; } };
if (!process.env.TMPDIR && inMemory("/dev/shm")) process.env.TMPDIR = "/dev/shm";

const ALONE = "test/site/atomic-swap.test.ts";

export default defineConfig({
  test: {
    // Timeouts catch hangs, not slowness: no test may fail because the machine is busy.
    testTimeout: 600_000,
    hookTimeout: 600_000,
    // Two files at a time on this 2-core machine, unit and site tests alike: each whole-site build works in its own
    // copy of the project (test/helpers/project.ts), so builds no longer wait for each other. The long files
    // start first (test/helpers/sequencer.ts).
    pool: "forks",
    maxWorkers: 2,
    sequence: { sequencer: LongFirst },
    // One DuckDB thread per process: two files (and their builds) already keep both cores busy, and a second
    // thread costs CPU (staging the sample: 8.7 s of CPU on one thread, 11.1 s on two).
    env: { TZ: "UTC", THREER_QUIET: "1", OBSERVABLE_TELEMETRY_DISABLE: "1", THREER_THREADS: "1", ...(process.env.TMPDIR ? { TMPDIR: process.env.TMPDIR } : {}) },
    // One folder per run for what several files read: the staged sample, its export and site (test/helpers/shared.ts).
    globalSetup: ["test/helpers/run-setup.ts"],
    projects: [
      { extends: true, test: { name: "tests", include: ["test/**/*.test.ts"], exclude: [...configDefaults.exclude, ALONE] } },
      // After every other file, with nothing beside it: the swap test flips a link as fast as it can while it
      // looks at it, and a look stalled (by a busy machine) across two flips finds its version already deleted.
      { extends: true, test: { name: "alone", include: [ALONE], sequence: { groupOrder: 1 } } },
    ],
  },
});
