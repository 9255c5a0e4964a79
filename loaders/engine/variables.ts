/**
 * The config values SQL models read, as DuckDB variables:
 * `getvariable('as_of')`, `getvariable('lookback_days')`, `getvariable('publish_contacts')`
 * (BOOLEAN: contact-level rows may reach published tables), and one per threshold
 * in snake case (`getvariable('license_utilization')`), and `getvariable('z95')`: the z of every 95%
 * interval, from its one definition in loaders/datasets/stats/intervals.ts.
 */
import { Z95 } from "../datasets/stats/intervals.ts";
import type { Config } from "./config.ts";
import { stripComments } from "./models.ts";

const snake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** The variables as a plain object (also what the model fingerprints hash). */
export function variableValues(config: Config, asOf: string): Record<string, string | number | boolean | number[]> {
  const v: Record<string, string | number | boolean | number[]> = {
    as_of: asOf,
    lookback_days: config.lookbackDays,
    lookbacks: [...new Set([...config.lookbackChoices, config.lookbackDays])].sort((a, b) => a - b),
    publish_contacts: config.publishContacts,
    z95: Z95,
  };
  for (const [k, value] of Object.entries(config.thresholds)) v[snake(k)] = value;
  return v;
}

/** The variables a model's SQL reads (`getvariable('name')`), sorted. */
export function usedVariables(sql: string): string[] {
  return [...new Set([...stripComments(sql).matchAll(/getvariable\(\s*'(\w+)'\s*\)/gi)].map((m) => m[1]))].sort();
}

/** SET VARIABLE statements for them, and their values. */
export function sqlVariables(config: Config, asOf: string): { sql: string; values: Record<string, unknown> } {
  const values = variableValues(config, asOf);
  const sql = Object.entries(values).map(([k, v]) => {
    const lit = k === "as_of" ? `date '${v}'` : Array.isArray(v) ? `[${v.join(", ")}]` : String(v);
    return `set variable ${k} = ${lit};`;
  }).join("\n");
  return { sql, values };
}
