/** The whole sample book: plans accounts and renewals, then streams every table to Parquet. */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { makeAccounts, nameAccounts } from "./accounts.js";
import { balanceNonDrivers, dealFirmographics } from "./balance.js";
import { AS_OF, iso } from "./calendar.js";
import { FEATURES, STICKY_FEATURES } from "./catalog.js";
import { makeContacts } from "./contacts.js";
import { healthSnapshots, markFlipFlops } from "./health.js";
import { makeMilestones } from "./milestones.js";
import type { Account } from "./model.js";
import { makeNps } from "./nps.js";
import { buildTimeline, markOverdue } from "./renewals.js";
import { subscriptionCells, subscriptionRows } from "./subscriptions.js";
import { TABLES } from "./tables.js";
import { makeTickets } from "./tickets.js";
import { makeTouches } from "./touches.js";
import { makeUsage } from "./usage.js";
import { CsvSink, openDuckDB, writeParquet } from "./write.js";

/** What to generate and where. */
export interface BookOptions {
  out: string;
  seed: number;
  accounts: number;
  /** The revenue record: renewal events (the default, as in data/) or a billing export (subscriptions). */
  shape?: Shape;
  /** Progress lines (stderr in the CLI). */
  log?: (message: string) => void;
}

/** The two shapes of the revenue record. */
export type Shape = "renewals" | "subscriptions";
export const SHAPES: readonly Shape[] = ["renewals", "subscriptions"];

/** Per table: rows written and Parquet bytes. */
export type BookSummary = Record<string, { rows: number; bytes: number }>;

/** Plans the book: accounts, renewals, overdue renewals, balanced non-drivers and firmographics, flip-flops. */
export function planBook(seed: number, count: number): Account[] {
  const { accounts, initial } = makeAccounts(seed, count);
  accounts.forEach((a, i) => {
    buildTimeline(seed, a, initial[i]);
  });
  markOverdue(seed, accounts);
  balanceNonDrivers(seed, accounts);
  dealFirmographics(seed, accounts);
  nameAccounts(seed, accounts);
  markFlipFlops(seed, accounts);
  return accounts;
}

/** Streams every row of every table of the planned book into one CSV sink per table. */
function writeRows(seed: number, accounts: Account[], s: Record<string, CsvSink>, shape: Shape): void {
  let contacts = 0, tickets = 0;
  const latest = { touches: 0, health: 0, usage: 0 };
  for (const f of FEATURES) s.features.row(f, STICKY_FEATURES.includes(f));
  for (const a of accounts) {
    s.accounts.row(a.id, a.name, a.segment, a.region, a.industry, a.csm, iso(a.since), a.licenses);
    if (shape === "subscriptions") {
      for (const r of subscriptionRows(seed, a)) s.subscriptions.row(...subscriptionCells(a, r));
    } else {
      for (const e of a.events) {
        const resolved = e.resolved === null ? null : iso(e.resolved);
        for (const l of e.lines) s.renewals.row(e.id, a.id, iso(e.date), resolved, l.product, l.before, l.after, l.reason);
      }
    }
    const people = makeContacts(seed, a, contacts + 1);
    contacts += people.length;
    for (const c of people) s.contacts.row(c.id, a.id, c.role, c.execSponsor, c.title);
    for (const t of makeTouches(seed, a, people)) {
      s.touches.row(a.id, iso(t.day), t.type, t.contactId, t.csm);
      latest.touches = Math.max(latest.touches, t.day);
    }
    for (const t of makeTickets(seed, a)) {
      s.tickets.row(`T${String(++tickets).padStart(6, "0")}`, a.id, iso(t.opened), t.closed === null ? null : iso(t.closed), t.severity);
    }
    for (const r of makeNps(seed, a)) s.nps.row(a.id, iso(r.day), r.score);
    for (const m of makeMilestones(seed, a)) s.milestones.row(a.id, m.stage, iso(m.day));
    const snaps = healthSnapshots(seed, a);
    for (const h of snaps) s.health.row(a.id, iso(h.day), h.color, h.score, h.source);
    if (snaps.length) latest.health = Math.max(latest.health, snaps[snaps.length - 1].day);
    makeUsage(seed, a, (acc, user, d, f, events) => {
      s.usage.line(`${acc},${user},${d},${f},${events}`);
      if (d > latest.usage) latest.usage = d;
    });
  }
  // the data ends on the as-of date: in a tiny book, make sure each dated stream reaches it
  const live = accounts.find((a) => !a.churned && !a.unscored) ?? accounts[0];
  if (latest.touches < AS_OF) s.touches.row(live.id, iso(AS_OF), "email", null, live.csm);
  if (latest.health < AS_OF) s.health.row(live.id, iso(AS_OF), "yellow", 55, "system");
  if (latest.usage < AS_OF) s.usage.line(`${live.index},1,${AS_OF},3,1`);
}

/** Generates the book into opts.out (one Parquet file per table); returns rows and bytes per table. */
export async function generateBook(opts: BookOptions): Promise<BookSummary> {
  const log = opts.log ?? (() => {});
  const t0 = performance.now();
  const secs = () => ((performance.now() - t0) / 1000).toFixed(1) + "s";
  mkdirSync(opts.out, { recursive: true });
  const tmp = mkdtempSync(join(tmpdir(), "sample-book-"));
  try {
    const accounts = planBook(opts.seed, opts.accounts);
    log(`planned ${accounts.length} accounts, ${accounts.reduce((n, a) => n + a.events.length, 0)} renewal events (${secs()})`);
    const shape = opts.shape ?? "renewals";
    // one revenue record per folder: the other shape's table is not written
    const tables = TABLES.filter((t) => t.name !== (shape === "renewals" ? "subscriptions" : "renewals"));
    const sinks = Object.fromEntries(tables.map((t) => [t.name, new CsvSink(join(tmp, `${t.name}.csv`))]));
    writeRows(opts.seed, accounts, sinks, shape);
    for (const sink of Object.values(sinks)) sink.close();
    log(`generated rows (${secs()})`);
    const conn = await openDuckDB();
    const summary: BookSummary = {};
    try {
      for (const spec of tables) {
        const bytes = await writeParquet(conn, spec, sinks[spec.name].path, opts.out);
        summary[spec.name] = { rows: sinks[spec.name].rows, bytes };
        log(`${spec.name}: ${sinks[spec.name].rows.toLocaleString("en-US")} rows, ${(bytes / 1e6).toFixed(2)} MB (${secs()})`);
      }
    } finally {
      conn.closeSync();
    }
    return summary;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
