/** Renewal timelines: annual events on the anniversary, traits and churn drawn per event, overdue ones picked. */
import { AS_OF, LOOKBACK, anniversary, yearOf } from "./calendar.js";
import { churnProbability, nextTraits } from "./drivers.js";
import type { Account, Line, RenewalEvent, Traits } from "./model.js";
import { carriedLines, resolveLines } from "./outcomes.js";
import { Rng } from "./random.js";

/** Overdue unresolved renewals: one per hundred accounts (20 in the default book). */
export const OVERDUE_PER_ACCOUNT = 0.01;
/** Overdue renewals are picked among events due in this many days before the as-of date. */
const OVERDUE_WINDOW = 120;

/** Resolution date: −60..+30 days around the renewal date, never after the as-of date. */
function resolvedDate(rng: Rng, date: number): number {
  const lo = date - 60;
  return lo + Math.floor((Math.min(date + 30, AS_OF) - lo + 1) * rng.next());
}

/** Fills account.events (and end/churned): resolved events up to the as-of date, then one upcoming event. */
export function buildTimeline(seed: number, account: Account, initial: Line[]): void {
  const rng = new Rng(seed, "renewals", account.index);
  let lines = initial;
  let traits: Traits | null = null;
  account.end = AS_OF;
  for (let k = 1; ; k++) {
    const date = anniversary(account.since, k);
    traits = nextTraits(rng, traits);
    const pChurn = churnProbability(account.segment, account.execSponsor, account.fastValue, traits);
    const churn = rng.chance(pChurn);
    const base = {
      id: `R${account.id.slice(1)}-${yearOf(date)}`,
      date,
      lookback: date - LOOKBACK,
      traits,
      pChurn,
      churn,
    };
    if (date > AS_OF) {
      const reason = churn ? resolveLines(rng, lines, true).churnReason : null;
      const outcome = churn ? "churn" : "flat";
      account.events.push({ ...base, resolved: null, status: "upcoming", outcome, churnReason: reason, lines });
      return;
    }
    const resolved = resolvedDate(rng, date);
    const r = resolveLines(rng, lines, churn);
    account.events.push({ ...base, resolved, status: "resolved", ...r });
    if (churn) {
      account.churned = true;
      account.end = Math.min(date, resolved);
      return;
    }
    lines = carriedLines(r.lines);
  }
}

/** Turns an event back into an unresolved one: its outcome stays planned but is not written. */
function unresolve(e: RenewalEvent): void {
  e.status = "overdue";
  e.resolved = null;
  e.lines = e.lines.filter((l) => l.before > 0).map((l) => ({ ...l, after: null, reason: null }));
}

/** Picks the overdue renewals: recent last-resolved events, which then have no upcoming renewal after them. */
export function markOverdue(seed: number, accounts: Account[]): RenewalEvent[] {
  const rng = new Rng(seed, "overdue");
  const lastResolved = (a: Account) => a.events.map((e) => e.status).lastIndexOf("resolved");
  const candidates = accounts.filter((a) => {
    const last = a.events[lastResolved(a)];
    return last !== undefined && last.date >= AS_OF - OVERDUE_WINDOW && last.date < AS_OF;
  });
  const count = Math.max(1, Math.round(accounts.length * OVERDUE_PER_ACCOUNT));
  const picked = rng.sample(candidates, count).sort((a, b) => a.index - b.index);
  return picked.map((a) => {
    const i = lastResolved(a);
    const e = a.events[i];
    unresolve(e);
    a.events.length = i + 1;
    a.churned = false;
    a.end = AS_OF;
    return e;
  });
}
