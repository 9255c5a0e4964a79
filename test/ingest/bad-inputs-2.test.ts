/**
 * The other half of the bad-input corpus (see bad-inputs.test.ts): the same
 * checks on every other case, in a file of its own so the halves run in parallel.
 */
import { describe, it } from "vitest";
import { runCase } from "../helpers/bad-input-case.ts";
import { half } from "../helpers/bad-inputs.ts";

// Cases run a few at a time; one DuckDB thread each shares the 2 cores better than 2 threads each.
process.env.THREER_THREADS ??= "1";

describe.concurrent("bad-input corpus, second half", () => {
  for (const name of half(1)) it(name, () => runCase(name));
});
