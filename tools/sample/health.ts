/** Health snapshots: colors that track planted risk, three under-calling CSMs, flip-flops, unscored accounts. */
import { AS_OF } from "./calendar.js";
import { UNDER_CALLERS } from "./catalog.js";
import type { Account, RenewalEvent } from "./model.js";
import { Rng } from "./random.js";

export type Color = "red" | "yellow" | "green";
/** One health row as written. */
export interface Snapshot { day: number; color: Color; score: number; source: string }

/** Flip-flop accounts: one per fifty accounts (40 in the default book). */
export const FLIP_FLOPS_PER_ACCOUNT = 1 / 50;
/** Outside flip-flop blocks, red and green are always more than this many days apart. */
const CALM_GAP = 35;

/** How one CSM colors one renewal period: when red starts (if ever) and any false alarm. */
interface Plan { redStart: number | null; falseRed: [number, number] | null; yellowP: number }

function plan(rng: Rng, honest: boolean, e: RenewalEvent): Plan {
  const yellowP = Math.min(0.7, 0.08 + 2.5 * e.pChurn);
  if (e.churn) {
    const warned = honest ? e.churnReason !== "Acquired" && rng.chance(0.9) : rng.chance(0.06);
    const redStart = warned ? e.date - (honest ? rng.int(60, 240) : rng.int(20, 50)) : null;
    return { redStart, falseRed: null, yellowP };
  }
  const alarm = honest ? rng.chance(Math.min(0.6, 0.1 + e.pChurn)) : rng.chance(0.01);
  const falseRed: [number, number] | null = alarm ? [e.date - rng.int(100, 220), e.date - rng.int(20, 80)] : null;
  return { redStart: null, falseRed, yellowP };
}

/** The color the plan dictates on day d, or null where the everyday green/yellow applies. */
function plannedColor(d: number, p: Plan): Color | null {
  if (p.redStart !== null && d >= p.redStart) return "red";
  if (p.falseRed && d >= p.falseRed[0] && d < p.falseRed[1]) return "red";
  if (p.redStart !== null && d >= p.redStart - 42) return "yellow";
  if (p.falseRed && d >= p.falseRed[0] - 42 && d < p.falseRed[1] + 42) return "yellow";
  return null;
}

/** Everyday color: mostly the previous one (scores are sticky), else yellow with the period's risk. */
function everydayColor(rng: Rng, d: number, e: RenewalEvent, p: Plan, previous: Color | null): Color {
  if (previous !== null && previous !== "red" && rng.chance(0.75)) return previous;
  if (e.churn && d >= e.date - 150 && rng.chance(0.6)) return "yellow";
  return rng.chance(p.yellowP) ? "yellow" : "green";
}

/** Score consistent with the color: red 8–39, yellow 40–69, green 70–99. */
export function scoreFor(rng: Rng, color: Color): number {
  return color === "red" ? rng.int(8, 39) : color === "yellow" ? rng.int(40, 69) : rng.int(70, 99);
}

/** Snapshot days: system scores every 14 days ending on the as-of date; CSMs every 14–28 days. */
function snapshotDays(rng: Rng, a: Account): number[] {
  const days: number[] = [];
  if (a.systemScored) {
    for (let d = AS_OF; d >= a.since + 7; d -= 14) if (d <= a.end) days.push(d);
    return days.reverse();
  }
  for (let d = a.since + rng.int(7, 30); d <= a.end; d += rng.int(14, 28)) days.push(d);
  return days;
}

/** Red and green never follow each other within CALM_GAP days: the later one becomes yellow. */
function calm(rng: Rng, snaps: Snapshot[]): void {
  let last: Color | null = null;
  let lastEnd = -Infinity;
  for (const s of snaps) {
    if (s.color !== "yellow" && last !== null && s.color !== last && s.day - lastEnd <= CALM_GAP) {
      s.color = "yellow";
      s.score = scoreFor(rng, "yellow");
    }
    if (s.color === "yellow") {
      if (lastEnd === Infinity) lastEnd = s.day;
    } else {
      last = s.color;
      lastEnd = Infinity;
    }
  }
}

/** Days a flip-flop block may start: 36 days clear of every lookback (−45..+5) and inside the scored life. */
export function flipStarts(a: Account): number[] {
  const out: number[] = [];
  for (let d = a.since + 60; d + 36 <= a.end - 20; d++) {
    if (a.events.every((e) => d + 36 < e.lookback - 45 || d > e.lookback + 5)) out.push(d);
  }
  return out;
}

/** Replaces the snapshots of a 36-day block with four alternating red/green ones 6–11 days apart. */
function flipFlop(rng: Rng, a: Account, snaps: Snapshot[], source: string): Snapshot[] {
  const start = rng.pick(flipStarts(a));
  const kept = snaps.filter((s) => s.day < start || s.day > start + 36);
  let color: Color = rng.chance(0.5) ? "red" : "green";
  for (let d = start, i = 0; i < 4; i++, d += rng.int(6, 11)) {
    kept.push({ day: d, color, score: scoreFor(rng, color), source });
    color = color === "red" ? "green" : "red";
  }
  return kept.sort((x, y) => x.day - y.day);
}

/** All health snapshots of one account (none for unscored accounts). */
export function healthSnapshots(seed: number, a: Account): Snapshot[] {
  if (a.unscored) return [];
  const rng = new Rng(seed, "health", a.index);
  const honest = !UNDER_CALLERS.includes(a.csm);
  const plans = a.events.map((e) => plan(rng, honest, e));
  const source = a.systemScored ? "system" : "csm";
  let everyday: Color | null = null;
  const snaps: Snapshot[] = snapshotDays(rng, a).map((d) => {
    let i = a.events.findIndex((e) => e.date >= d);
    if (i < 0) i = a.events.length - 1;
    const planned = plannedColor(d, plans[i]);
    everyday = planned ? null : everydayColor(rng, d, a.events[i], plans[i], everyday);
    const color = planned ?? everyday!;
    return { day: d, color, score: scoreFor(rng, color), source };
  });
  calm(rng, snaps);
  return a.flipFlop ? flipFlop(rng, a, snaps, source) : snaps;
}

/** Marks the flip-flop accounts: scored accounts with room for a block, picked at random. */
export function markFlipFlops(seed: number, accounts: Account[]): Account[] {
  const rng = new Rng(seed, "flip-flops");
  const count = Math.max(1, Math.round(accounts.length * FLIP_FLOPS_PER_ACCOUNT));
  const picked = rng
    .shuffle(accounts.filter((a) => !a.unscored && a.end - a.since > 200))
    .filter((a) => flipStarts(a).length > 0)
    .slice(0, count)
    .sort((x, y) => x.index - y.index);
  for (const a of picked) a.flipFlop = true;
  return picked;
}
