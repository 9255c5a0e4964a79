/** Checks a Vega-Lite spec the way the browser would use it: it must compile, with no warnings. */
import { compile, type TopLevelSpec } from "vega-lite";

/** Compiles `spec`; returns the warnings the compiler logged (a good spec has none). */
export function compileWarnings(spec: unknown): string[] {
  const warnings: string[] = [];
  const logger = {
    level: () => logger,
    error: (...a: unknown[]) => { throw new Error(a.map(String).join(" ")); },
    warn: (...a: unknown[]) => { warnings.push(a.map(String).join(" ")); return logger; },
    info: () => logger,
    debug: () => logger,
  };
  compile(structuredClone(spec) as TopLevelSpec, { logger: logger as never });
  return warnings;
}
