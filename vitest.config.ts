import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 600_000,
    // DuckDB and site builds are heavy: run test files one or two at a time on this 2-core machine.
    pool: "forks",
    maxWorkers: 2,
    env: { TZ: "UTC", THREER_QUIET: "1", OBSERVABLE_TELEMETRY_DISABLE: "1" },
  },
});
