/**
 * The project's config file (`3r.config.json`), validated by zod.
 *
 * Resolution order for every setting: command-line flag, then the config
 * file, then the defaults below. Nothing is read from the environment except,
 * here only, the test pins and tuning overrides documented in docs/config.md
 * (THREER_TODAY, THREER_STATE, THREER_THREADS, THREER_MEMORY).
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

/** Thresholds used by the analyses; each is documented in docs/metrics.md. */
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
  /** Risk: the share of churned logos red may miss before a big-enough red slice is judged to miss most churn. */
  riskMissedChurnLimit: z.number().min(0).max(1).default(0.5),
  /** Health review (bi-weekly lists, actions export): red this many days with no touch since is a missing plan; renewals this close; the review cycle; expansion cut-offs; flips this recent. */
  reviewRedDays: z.number().int().min(0).default(14),
  reviewRenewalDays: z.number().int().min(0).default(180),
  reviewCycleDays: z.number().int().min(1).default(14),
  expansionUtilization: z.number().min(0).max(1).default(0.9),
  expansionBreadthPercentile: z.number().min(0).max(1).default(0.75),
  reviewFlipSinceDays: z.number().int().min(1).default(365),
}).strict();

const ColumnMap = z.record(z.string(), z.string().min(1));

/** Columns of the actions export (actions.csv / actions.json); `actionColumns` renames them for a target system. */
export const ACTION_COLUMNS = ["action_key", "account_id", "account_name", "list", "reasons", "reason_text", "owner", "arr", "renewal_date", "due_by"] as const;

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
  /** Actions export: our column → the target system's field name (`{"account_id": "Account ID"}`). */
  actionColumns: z.partialRecord(z.enum(ACTION_COLUMNS), z.string().min(1)).default({}),
  /** "fail": any rejected row fails the build; "publish": publish without them, counted on the Data quality page. */
  onRejectedRows: z.enum(["fail", "publish"]).default("fail"),
  /** Contact-level data (names, titles, emails) is published only when this is true. */
  publishContacts: z.boolean().default(false),
  title: z.string().default("3R Reports"),
  /** DuckDB resources: threads (null = every core) and memory limit; THREER_THREADS / THREER_MEMORY override them (docs/config.md). */
  duckdb: z.object({
    threads: z.number().int().min(1).nullable().default(null),
    memoryLimit: z.string().regex(/^\d+(\.\d+)?\s*[KMGT]i?B$/i, "expected a size like 3GB").default("2GB"),
  }).strict().default({ threads: null, memoryLimit: "2GB" }),
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
  /** Who set the as-of date: the command line, the config file, or nobody (the latest date in the inputs is used). */
  asOfFrom: "--as-of" | "config" | null;
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
  const explicit = overrides.config;
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
  const data = overrides.data;
  const asOf = overrides.asOf ?? file.asOf;
  if (asOf !== null && !isCalendarDate(asOf)) {
    const from = overrides.asOf ? "--as-of" : `${configPath}: asOf`;
    throw new ConfigError(`${from}: expected a real date YYYY-MM-DD, got ${JSON.stringify(asOf)}`);
  }
  return {
    ...file,
    asOf,
    duckdb: {
      threads: env.THREER_THREADS ? Number(env.THREER_THREADS) : file.duckdb.threads,
      memoryLimit: env.THREER_MEMORY ?? file.duckdb.memoryLimit,
    },
    asOfFrom: overrides.asOf ? "--as-of" : file.asOf ? "config" : null,
    dataDir: data ? resolve(data) : resolve(base, file.data),
    configPath: existsSync(configPath) ? configPath : null,
    today: env.THREER_TODAY ?? new Date().toISOString().slice(0, 10),
    stateDir: resolve(overrides.stateDir ?? env.THREER_STATE ?? resolve(base, ".3r")),
  };
}

/** Where the as-of date came from, in the words the footer and the Data quality page use (written nowhere else). */
export function asOfLabel(config: Pick<Config, "asOfFrom">): string {
  return config.asOfFrom === "--as-of" ? "set by --as-of" : config.asOfFrom === "config" ? "set in config" : "latest date in the inputs";
}
