/**
 * The project's config file (`3r.config.json`), validated by zod.
 *
 * Resolution order for every setting: command-line flag, then environment
 * (set by our own wrappers so that loaders spawned by Framework see the same
 * settings), then the config file, then the defaults below.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { z } from "zod";
import { columnMapProblems } from "./column-map.ts";

/** True for a real calendar date YYYY-MM-DD (not 2025-02-30, not month 13). */
export function isCalendarDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}
const isoDate = z.string().refine(isCalendarDate, { error: (i) => `expected a real date YYYY-MM-DD, got ${JSON.stringify(i.input)}` });

/** Thresholds used by the analyses; each is documented in METRICS.md. */
export const Thresholds = z.object({
  licenseUtilization: z.number().min(0).max(1).default(0.6),
  featureBreadth: z.number().min(0).max(1).default(0.5),
  usageDrop: z.number().min(0).max(1).default(1 / 3),
  contactsTouched: z.number().int().min(1).default(3),
  touchedDays: z.number().int().min(1).default(30),
  businessReviewDays: z.number().int().min(1).default(180),
  decisionMakerDays: z.number().int().min(1).default(90),
  singleThreadDays: z.number().int().min(1).default(180),
  promoter: z.number().int().min(0).max(10).default(9),
  detractor: z.number().int().min(0).max(10).default(6),
  firstValueDays: z.number().int().min(1).default(60),
  earlyWarningFromDays: z.number().int().min(0).default(270),
  earlyWarningToDays: z.number().int().min(0).default(365),
  earlyWarningUtilization: z.number().min(0).max(1).default(0.4),
  underCallMinEvents: z.number().int().min(1).default(10),
  flipDays: z.number().int().min(1).default(30),
  stalledStageDays: z.number().int().min(1).default(120),
  /** Green profile: resolved renewals each side of a with/without split needs for a verdict, and each metric cohort holds. */
  greenProfileMinEvents: z.number().int().min(1).default(30),
}).strict();

const ColumnMap = z.record(z.string(), z.string().min(1));

/** The whole config file. */
export const ConfigFile = z.object({
  $schema: z.string().optional(),
  data: z.string().min(1).default("data"),
  asOf: isoDate.nullable().default(null),
  lookbackDays: z.number().int().min(1).max(730).default(90),
  lookbackChoices: z.array(z.number().int().min(1).max(730)).default([30, 60, 90, 180]),
  currency: z.string().regex(/^[A-Z]{3}$/, "expected an ISO currency code like USD").default("USD"),
  thresholds: Thresholds.default(Thresholds.parse({})),
  /** Per table, contract column → the column name in the user's file (names checked by column-map.ts). */
  columns: z.record(z.string(), ColumnMap).default({}),
  /** "fail": any rejected row fails the build; "publish": publish without them, counted on the Data quality page. */
  onRejectedRows: z.enum(["fail", "publish"]).default("fail"),
  /** Contact-level data (names, titles, emails) is published only when this is true. */
  publishContacts: z.boolean().default(false),
  title: z.string().default("3R Reports"),
  /** Reliability: the IANA time zone in which timestamps become dates (UTC by default, whatever the machine's zone). */
  timeZone: z.string().refine(isTimeZone, { error: (i) => `expected an IANA time zone such as UTC or Europe/Paris, got ${JSON.stringify(i.input)}` }).default("UTC"),
}).strict();

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export type Config = z.infer<typeof ConfigFile> & {
  /** Absolute path of the data folder. */
  dataDir: string;
  /** Absolute path of the config file, when one was read. */
  configPath: string | null;
  /** Today's date (UTC), for the "date in the future" check; THREER_TODAY pins it in tests. */
  today: string;
  /** Folder for the warehouse and build state. */
  stateDir: string;
};

/** Settings that may come from the command line. */
export interface Overrides {
  config?: string;
  data?: string;
  asOf?: string;
  stateDir?: string;
}

/** A config problem, reported as `file: path: message`. */
export class ConfigError extends Error {}

/** Reads, validates and resolves the config. */
export function loadConfig(overrides: Overrides = {}, env: NodeJS.ProcessEnv = process.env): Config {
  const explicit = overrides.config ?? env.THREER_CONFIG;
  const configPath = resolve(explicit ?? "3r.config.json");
  let raw: unknown = {};
  if (existsSync(configPath)) {
    try {
      raw = JSON.parse(readFileSync(configPath, "utf8"));
    } catch (err) {
      throw new ConfigError(`${configPath}: not valid JSON: ${(err as Error).message}`);
    }
  } else if (explicit) {
    throw new ConfigError(`${configPath}: config file not found`);
  }
  const parsed = ConfigFile.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${configPath}: ${i.path.join(".") || "(top)"}: ${i.message}`);
    throw new ConfigError(lines.join("\n"));
  }
  const mapping = columnMapProblems(parsed.data.columns);
  if (mapping.length) throw new ConfigError(mapping.map((m) => `${configPath}: ${m}`).join("\n"));
  const base = existsSync(configPath) ? dirname(configPath) : process.cwd();
  const file = parsed.data;
  const data = overrides.data ?? env.THREER_DATA;
  const asOf = overrides.asOf ?? env.THREER_AS_OF ?? file.asOf;
  if (asOf !== null && !isCalendarDate(asOf)) {
    const from = overrides.asOf ? "--as-of" : env.THREER_AS_OF ? "THREER_AS_OF" : `${configPath}: asOf`;
    throw new ConfigError(`${from}: expected a real date YYYY-MM-DD, got ${JSON.stringify(asOf)}`);
  }
  return {
    ...file,
    asOf,
    dataDir: data ? resolve(data) : resolve(base, file.data),
    configPath: existsSync(configPath) ? configPath : null,
    today: env.THREER_TODAY ?? new Date().toISOString().slice(0, 10),
    stateDir: resolve(overrides.stateDir ?? env.THREER_STATE ?? resolve(base, ".3r")),
  };
}

/** The environment that hands a resolved config to child processes (Framework's loaders). */
export function configEnv(config: Config): Record<string, string> {
  const env: Record<string, string> = { THREER_DATA: config.dataDir, THREER_STATE: config.stateDir };
  if (config.configPath) env.THREER_CONFIG = config.configPath;
  if (config.asOf) env.THREER_AS_OF = config.asOf;
  return env;
}
