import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Timeouts catch hangs, not slowness: no test may fail because the machine is busy.
    testTimeout: 600_000,
    hookTimeout: 600_000,
    pool: "forks",
    maxWorkers: 2,
    env: { TZ: "UTC", THREER_QUIET: "1", OBSERVABLE_TELEMETRY_DISABLE: "1" },
    projects: [
      // Unit and data tests: independent, two at a time on this 2-core machine.
      { extends: true, test: { name: "unit", include: ["test/**/*.test.ts"], exclude: ["test/site/**"], sequence: { groupOrder: 0 } } },
      // Whole-site builds share Framework's loader cache (src/.observablehq/cache): one file at a time, after the rest.
      // The files that only read the sample's site share one build of it (test/helpers/site-setup.ts).
      {
        extends: true,
        test: { name: "site", include: ["test/site/**/*.test.ts"], fileParallelism: false, sequence: { groupOrder: 1 }, globalSetup: ["test/helpers/site-setup.ts"] },
      },
    ],
  },
});
