/** Product usage per user, feature and day: seats active per planted utilization, sticky use, churners fading. */
import { USAGE_START, monthOf, weekday } from "./calendar.js";
import { FEATURES, STICKY_FEATURES } from "./catalog.js";
import type { Account, RenewalEvent } from "./model.js";
import { periodStart } from "./model.js";
import { Rng } from "./random.js";

/** Receives one usage row: account number, user number, day, feature index (into FEATURES), events. */
export type UsageSink = (account: number, user: number, day: number, feature: number, events: number) => void;

/** Median days a user is active per weekday-equivalent day. */
export const USER_RATE_MEDIAN = 0.04;
const STICKY = FEATURES.map((f) => STICKY_FEATURES.includes(f));
const STICKY_INDEXES = STICKY.flatMap((sticky, i) => (sticky ? [i] : []));
/** Mean events per feature-day, by feature index. */
const EVENTS_MEAN = [2, 2, 20, 5, 2, 3, 3, 4];
/** Persona feature weights over FEATURES (admin, alerts, api, dashboards, exports, integrations, reports, workflows). */
const PERSONAS: readonly (readonly [number[], number])[] = [
  [[0, 1, 0, 6, 1, 0, 3, 0], 0.4],
  [[0, 1, 0.5, 3, 3, 0, 5, 0], 0.3],
  [[0, 2, 3, 2, 0, 3, 0, 5], 0.2],
  [[4, 2, 0, 2, 0, 2, 1, 0], 0.1],
];
const FEATURES_PER_DAY: readonly (readonly [number, number])[] = [[1, 0.5], [2, 0.3], [3, 0.15], [4, 0.05]];

interface User { n: number; rate: number; weights: number[]; quit: number }

/** A dip's chance per missing driver (above DIP_BASE): weak adoption, not the renewal's outcome, makes usage dip. */
export const DIP_PER_MISSING_DRIVER = 0.04;
const DIP_BASE = 0.02;

/**
 * Activity level over one period, falling ~e^(-k·days) from its start (floored at 0.02), or null = steady.
 * Two causes, kept apart so that nothing measured at the lookback depends on the drawn outcome:
 * - a dip before the lookback, at any renewal, more likely the more drivers are missing (outcome-blind: the
 *   planted drivers stay the only causes of churn, and a dip only foretells churn through them);
 * - a churner's fade (except "Acquired": no warning), which starts after the lookback, in the months the
 *   renewal is being lost (as-of views of upcoming renewals and the health review see it; no trait does).
 */
function decline(rng: Rng, a: Account, e: RenewalEvent): ((d: number) => number) | null {
  const missing = [a.execSponsor, a.fastValue, e.traits.util, e.traits.sticky, e.traits.review].filter((x) => !x).length;
  const dip = rng.chance(DIP_BASE + DIP_PER_MISSING_DRIVER * missing)
    ? { start: e.lookback - rng.int(200, 260), k: rng.float(0.003, 0.008) } : null;
  const fade = e.churn && e.churnReason !== "Acquired" ? { start: e.lookback + rng.int(4, 20), k: rng.float(0.01, 0.02) } : null;
  if (!dip && !fade) return null;
  const fall = (f: { start: number; k: number } | null, d: number) => (f && d >= f.start ? Math.exp(-f.k * (d - f.start)) : 1);
  return (d) => Math.max(0.02, fall(dip, d) * fall(fade, d));
}

/** Distinct features for one user-day, drawn by the user's weights among allowed features. */
function pickFeatures(rng: Rng, weights: number[], sticky: boolean): number[] {
  const w = weights.map((x, i) => (sticky || !STICKY[i] ? x : 0));
  const out: number[] = [];
  for (let n = rng.weighted(FEATURES_PER_DAY); n > 0; n--) {
    const total = w.reduce((s, x) => s + x, 0);
    if (total === 0) break;
    let x = rng.next() * total, i = 0;
    x -= w[i];
    while (x >= 0) x -= w[++i];
    out.push(i);
    w[i] = 0;
  }
  return out.sort((a, b) => a - b);
}

/** Writes all usage rows of one account to the sink. */
export function makeUsage(seed: number, a: Account, sink: UsageSink): void {
  const rng = new Rng(seed, "usage", a.index);
  const start = Math.max(USAGE_START, a.since + rng.int(3, 14));
  let lastUser = 0;
  let active: User[] = [];
  const newUser = (): User => ({
    n: ++lastUser,
    rate: Math.min(0.6, Math.max(0.015, USER_RATE_MEDIAN * Math.exp(0.6 * rng.normal()))),
    weights: rng.weighted(PERSONAS),
    quit: rng.next(),
  });
  const emit = (u: User, d: number, f: number, fade: number) =>
    sink(a.index, u.n, d, f, 1 + Math.floor(rng.exponential(EVENTS_MEAN[f] * fade)));
  // planted minimum presence: a single event, so it hardly moves the usage trend
  const touch = (u: User, d: number, f: number) => sink(a.index, u.n, d, f, 1);

  a.events.forEach((e, i) => {
    const last = i === a.events.length - 1;
    const from = Math.max(start, periodStart(a, i) + 1);
    const to = last ? a.end : Math.min(a.end, e.lookback);
    const L = a.licenses;
    const target = e.traits.util
      ? Math.min(L, Math.max(Math.ceil(0.62 * L), Math.round(rng.float(0.7, 0.95) * L)))
      : Math.min(Math.floor(0.55 * L), Math.max(1, Math.round(rng.float(0.15, 0.5) * L)));
    active = rng.shuffle(active.filter(() => rng.chance(0.9))).slice(0, target);
    while (active.length < target) active.push(newUser());
    if (from > to) return;

    const level = decline(rng, a, e);
    const periodFactor = Math.exp(0.12 * rng.normal());
    const sticky = e.traits.sticky;
    const [w0, w1] = [e.lookback - 88, e.lookback - 2]; // the 90-day window, with a margin
    // with planted high utilization the core 62% of seats stay; only the others may drift away
    const core = e.traits.util ? Math.ceil(0.62 * L) : 0;
    let stickyInWindow = false;
    active.forEach((u, seat) => {
      const p = Math.min(0.9, u.rate * periodFactor);
      const leaves = (d: number) => seat >= core && level !== null && level(d) < u.quit * 0.6;
      let seenInWindow = false;
      for (let d = from + rng.geometric(p); d <= to; d += 1 + rng.geometric(p)) {
        if (leaves(d)) break;
        const fade = level ? level(d) : 1;
        // a fading account does less on every visit; its core seats still log in now and then
        const presence = seat < core ? Math.max(fade, 0.35) : fade;
        const ramp = d < a.since + 45 ? 0.3 + (0.7 * (d - a.since)) / 45 : 1;
        const season = monthOf(d) === 12 ? 0.8 : monthOf(d) === 8 ? 0.9 : 1;
        const wd = weekday(d);
        if (!rng.chance(presence * ramp * season * (wd === 0 || wd === 6 ? 0.12 : 1))) continue;
        for (const f of pickFeatures(rng, u.weights, sticky)) {
          emit(u, d, f, fade);
          if (STICKY[f] && d >= w0 + 8 && d <= w1 - 3) stickyInWindow = true;
        }
        if (d >= w0 && d <= w1) seenInWindow = true;
      }
      // planted utilization: every seat still held in a high-utilization period shows up in the window
      if (e.traits.util && !seenInWindow && !leaves(w1) && w0 >= from && w1 <= to) {
        const [d, f] = [rng.int(w0, w1), pickFeatures(rng, u.weights, sticky)[0]];
        touch(u, d, f);
        if (STICKY[f] && d >= w0 + 8 && d <= w1 - 3) stickyInWindow = true;
      }
    });
    // planted stickiness: some sticky feature is used in the window
    if (sticky && !stickyInWindow && w0 >= from && w1 <= to && active.length > 0) {
      touch(rng.pick(active), rng.int(w0 + 8, w1 - 3), rng.pick(STICKY_INDEXES));
    }
  });
}
