/**
 * The billing-record shape of the sample book (`--shape subscriptions`): the same planned accounts and renewal
 * timelines, written as subscription rows, one per product line per billed period (docs/contract.md § subscriptions).
 * Monthly plans bill one row per month and cancel in the month their cancellation was decided, so their losses
 * fall through the year; annual plans bill one row per term. Plan values change at each anniversary as the
 * renewal timeline says (upgrades, downgrades, removed lines, cross-sells).
 */
import { AS_OF, anniversary, iso } from "./calendar.js";
import type { Segment } from "./catalog.js";
import type { Account, RenewalEvent } from "./model.js";
import { Rng } from "./random.js";

/** Share of accounts on a monthly plan, by segment (the rest pay annually). */
export const MONTHLY_SHARE: Record<Segment, number> = { SMB: 0.8, "Mid-Market": 0.4, Enterprise: 0 };

/** One row of the billing export. */
export interface SubscriptionRow {
  id: string;
  product: string;
  start: number;
  /** First day no longer billed; past the as-of date for the period running on it. */
  end: number;
  mrr: number;
  reason: string | null;
}

const MS_PER_DAY = 86_400_000;

/** The same day of the month `months` later (clamped to the month's last day). */
export function addMonths(d: number, months: number): number {
  const date = new Date(d * MS_PER_DAY);
  const y = date.getUTCFullYear(), m = date.getUTCMonth() + months;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return Math.round(Date.UTC(y, m, Math.min(date.getUTCDate(), last)) / MS_PER_DAY);
}

/** Whether the account pays monthly (its own random stream: the renewals shape is untouched). */
export function isMonthly(seed: number, a: Account): boolean {
  return new Rng(seed, "plan", a.index).chance(MONTHLY_SHARE[a.segment]);
}

const cents = (x: number) => Math.round(x * 100) / 100;

/** One term of an account: the lines billed from `start` until `end` (event `ends` closes it). */
interface Term {
  start: number;
  end: number;
  ends: RenewalEvent | null;
  lines: { product: string; arr: number }[];
}

/** The account's terms: each renewal event closes the term that its lines' `before` values describe. */
function terms(a: Account): Term[] {
  const out: Term[] = [];
  let start = a.since;
  for (const e of a.events) {
    out.push({ start, end: e.date, ends: e, lines: e.lines.filter((l) => l.before > 0).map((l) => ({ product: l.product, arr: l.before })) });
    if (e.status === "resolved" && e.churn) return out;
    start = e.date;
  }
  const last = a.events[a.events.length - 1];
  // An overdue renewal has no known outcome: billing carries on unchanged for another year.
  if (last?.status === "overdue") out.push({ start, end: anniversary(start, 1), ends: null, lines: out[out.length - 1].lines });
  return out;
}

/** The billing rows of one account, in date order. */
export function subscriptionRows(seed: number, a: Account): SubscriptionRow[] {
  const rng = new Rng(seed, "billing", a.index);
  const monthly = isMonthly(seed, a);
  const rows: SubscriptionRow[] = [];
  const id = () => `S${a.id.slice(1)}-${String(rows.length + 1).padStart(3, "0")}`;
  for (const t of terms(a)) {
    const e = t.ends;
    // A monthly customer due to leave at the coming anniversary may already have cancelled by the as-of date.
    const lost = !!e && e.churn && (e.status === "resolved" || (monthly && e.status === "upcoming"));
    // The product's last row carries the loss code of a removed or lost line.
    const reasonOf = (product: string) => (e?.status === "resolved"
      ? e.lines.find((l) => l.product === product && l.after === 0)?.reason ?? null
      : lost ? e!.churnReason : null);
    if (!monthly) {
      if (t.start > AS_OF) continue; // not billed yet on the as-of date
      for (const l of t.lines) rows.push({ id: id(), product: l.product, start: t.start, end: t.end, mrr: cents(l.arr / 12), reason: reasonOf(l.product) });
      continue;
    }
    // A monthly customer who leaves stops paying in the month the decision was made, not at the anniversary.
    const months = lost ? 1 + Math.floor(rng.next() * 12) : 12;
    for (let m = 0; m < months; m++) {
      const start = addMonths(t.start, m);
      if (start > AS_OF || start >= t.end) break;
      const end = Math.min(addMonths(t.start, m + 1), t.end);
      const finalMonth = m === months - 1 || end === t.end;
      for (const l of t.lines) {
        rows.push({ id: id(), product: l.product, start, end, mrr: cents(l.arr / 12), reason: finalMonth ? reasonOf(l.product) : null });
      }
    }
  }
  return rows;
}

/** The rows as CSV cells: subscription_id, account_id, product, start_date, end_date, mrr, churn_reason. */
export function subscriptionCells(a: Account, r: SubscriptionRow): (string | number | null)[] {
  return [r.id, a.id, r.product, iso(r.start), iso(r.end), r.mrr, r.reason];
}
