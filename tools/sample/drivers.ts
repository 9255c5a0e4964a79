/** The planted retention model: trait prevalences, their drift, and churn probability per renewal. */
import type { Segment } from "./catalog.js";
import type { Traits } from "./model.js";
import type { Rng } from "./random.js";

/** Share of accounts (static traits) or renewal periods (the others) that have each trait. */
export const PREVALENCE = {
  execSponsor: 0.45,
  fastValue: 0.6,
  util: 0.6,
  sticky: 0.55,
  review: 0.55,
  touched30: 0.5,
  highTicket: 0.3,
  promoter: 0.4,
  detractor: 0.4,
} as const;

/** Chance that a period's trait is redrawn rather than carried over from the previous period. */
export const DRIFT = 0.25;

/** Each missing driver multiplies the churn probability by this factor. */
export const MISSING_DRIVER_FACTOR = 4;

/** Churn probability with all five drivers, per segment (calibrated so that resolved renewals churn ~18% / 11% / 5%). */
export const BASE_CHURN: Record<Segment, number> = {
  SMB: 0.0047,
  "Mid-Market": 0.00225,
  Enterprise: 0.00065,
};

/** Upper bound on any event's churn probability. */
export const MAX_CHURN = 0.85;

const PERIOD_TRAITS = ["util", "sticky", "review", "touched30", "highTicket", "promoter", "detractor"] as const;

/** Trait states of the next period: each carried over, or redrawn with probability DRIFT. */
export function nextTraits(rng: Rng, previous: Traits | null): Traits {
  const t = {} as Traits;
  for (const name of PERIOD_TRAITS) {
    const redraw = previous === null || rng.chance(DRIFT);
    t[name] = redraw ? rng.chance(PREVALENCE[name]) : previous[name];
  }
  return t;
}

/** Churn probability of one renewal: segment base × factor per missing driver. Non-drivers play no part. */
export function churnProbability(
  segment: Segment,
  execSponsor: boolean,
  fastValue: boolean,
  t: Traits,
): number {
  const missing = [execSponsor, fastValue, t.util, t.sticky, t.review].filter((x) => !x).length;
  return Math.min(MAX_CHURN, BASE_CHURN[segment] * MISSING_DRIVER_FACTOR ** missing);
}

/** Non-drivers: drawn independently of churn, then balanced between churned and retained renewals. */
export const NON_DRIVERS = ["touched30", "highTicket", "promoter", "detractor"] as const;
