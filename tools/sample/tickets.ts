/** Support tickets: a steady stream of low/normal ones; high and urgent ones placed per the planted trait. */
import { AS_OF } from "./calendar.js";
import type { Segment } from "./catalog.js";
import type { Account } from "./model.js";
import { Rng } from "./random.js";

/** One tickets row (id assigned when written). */
export interface Ticket { opened: number; closed: number | null; severity: string }

/** Tickets per 30 days, by segment. */
const RATE: Record<Segment, number> = { SMB: 0.6, "Mid-Market": 1.2, Enterprise: 2 };
/** Days to close, by severity. */
const TIME_TO_CLOSE: Record<string, [number, number]> = {
  low: [1, 21], normal: [1, 14], high: [0, 7], urgent: [0, 3],
};
const isSevere = (s: string) => s === "high" || s === "urgent";

function close(rng: Rng, a: Account, opened: number, severity: string): number | null {
  if (rng.chance(0.01)) return a.churned ? a.end : null; // forgotten in the queue
  const closed = opened + rng.int(...TIME_TO_CLOSE[severity]);
  if (closed <= a.end) return closed;
  return a.churned ? a.end : null; // still open on the as-of date
}

/** All tickets of one account, in order of opening. */
export function makeTickets(seed: number, a: Account): Ticket[] {
  const rng = new Rng(seed, "tickets", a.index);
  const p = RATE[a.segment] / 30;
  const mix: (readonly [string, number])[] = [["low", 0.4], ["normal", 0.53], ["high", 0.05], ["urgent", 0.02]];
  let opened: { day: number; severity: string }[] = [];
  for (let d = a.since + 5 + rng.geometric(p); d <= a.end; d += 1 + rng.geometric(p)) {
    opened.push({ day: d, severity: rng.weighted(mix) });
  }
  for (const e of a.events) {
    const lb = e.lookback;
    if (e.traits.highTicket) {
      for (let n = rng.chance(0.3) ? 2 : 1; n > 0; n--) {
        opened.push({ day: lb - rng.int(3, 85), severity: rng.chance(0.7) ? "high" : "urgent" });
      }
    } else {
      // no high or urgent ticket in the 90 days before the lookback (with a margin either side)
      opened = opened.map((t) =>
        isSevere(t.severity) && t.day >= lb - 95 && t.day <= lb + 1 ? { ...t, severity: "normal" } : t,
      );
    }
  }
  return opened
    .filter((t) => t.day >= a.since && t.day <= Math.min(a.end, AS_OF))
    .sort((x, y) => x.day - y.day)
    .map((t) => ({ opened: t.day, closed: close(rng, a, t.day, t.severity), severity: t.severity }));
}
