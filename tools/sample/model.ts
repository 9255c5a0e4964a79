/** The in-memory book: accounts with their renewal timeline and planted trait states. */
import type { Segment } from "./catalog.js";

/** Per-period trait states (the period ends on a renewal's lookback date). */
export interface Traits {
  /** Driver: ≥ 60% of licenses active in the 90 days before the lookback. */
  util: boolean;
  /** Driver: a sticky feature used in the 90 days before the lookback. */
  sticky: boolean;
  /** Driver: a business_review touch in the 180 days before the lookback. */
  review: boolean;
  /** Non-driver: any touch in the 30 days before the lookback. */
  touched30: boolean;
  /** Non-driver: a high or urgent ticket opened in the 90 days before the lookback. */
  highTicket: boolean;
  /** Non-driver: latest NPS response in the 365 days before the lookback is 9 or 10. */
  promoter: boolean;
  /** Non-driver: when not a promoter, that latest response is 0–6 (else 7–8). */
  detractor: boolean;
}

/** One contract line of a renewal event. */
export interface Line {
  product: string;
  before: number;
  after: number | null;
  reason: string | null;
}

/** What happened at a renewal (planned even when the event is not resolved yet). */
export type Outcome = "churn" | "flat" | "upsell" | "partial" | "cross_sell" | "rip_replace";

/** One renewal event of one account. */
export interface RenewalEvent {
  id: string;
  date: number;
  lookback: number;
  resolved: number | null;
  status: "resolved" | "overdue" | "upcoming";
  traits: Traits;
  pChurn: number;
  /** Planned outcome: for unresolved events it shapes health and usage but is not written. */
  churn: boolean;
  outcome: Outcome;
  churnReason: string | null;
  lines: Line[];
}

/** One customer account. */
export interface Account {
  index: number;
  id: string;
  name: string;
  segment: Segment;
  region: string;
  industry: string;
  csm: string;
  since: number;
  licenses: number;
  /** Driver (static): has an executive sponsor contact. */
  execSponsor: boolean;
  /** Driver (static): first_value milestone within 60 days of customer_since. */
  fastValue: boolean;
  /** No health snapshots at all. */
  unscored: boolean;
  /** Health snapshots come from the system score (source = "system"). */
  systemScored: boolean;
  /** Planted color flip-flops (set after the renewal pass). */
  flipFlop: boolean;
  events: RenewalEvent[];
  /** Last day with any activity: the churn (min of renewal and resolved date) or the as-of date. */
  end: number;
  churned: boolean;
}

/** Start (exclusive) of event i's period: the previous lookback, or the day before customer_since. */
export function periodStart(account: Account, i: number): number {
  return i === 0 ? account.since - 1 : account.events[i - 1].lookback;
}
