/** Accounts: firmographics, owner, start date, seats, static drivers and initial contract lines. */
import { BOOK_START, LAST_SINCE } from "./calendar.js";
import {
  ADD_ON_PRODUCTS, CORE_PRODUCT, CSMS, NAME_BODIES, NAME_HEADS, NAME_TAILS, SEGMENTS, UNDER_CALLERS,
} from "./catalog.js";
import { PREVALENCE } from "./drivers.js";
import type { Account, Line } from "./model.js";
import { Rng } from "./random.js";

/** Skew of customer_since towards the start of the book (u^SKEW), so that older accounts give ~4000 resolved renewals. */
const SINCE_SKEW = 2;
/** Share of accounts with no health snapshot at all. */
export const UNSCORED_SHARE = 0.03;
/** Share of honest CSMs' accounts scored by the system rather than by hand. */
const SYSTEM_SCORED_SHARE = 0.3;

/** Zero-padded account id, e.g. A00042. */
export function accountId(index: number): string {
  return `A${String(index).padStart(5, "0")}`;
}

/** A unique, plausible company name. */
function companyName(rng: Rng, industry: string, taken: Set<string>): string {
  for (let attempt = 0; ; attempt++) {
    const name = `${rng.pick(NAME_HEADS)} ${rng.pick(NAME_BODIES[industry])}${rng.pick(NAME_TAILS)}`;
    // A large book (the benchmark's 20,000 accounts) exhausts the vocabulary: number the name rather than draw forever.
    const free = attempt < 50 ? (taken.has(name) ? null : name) : firstFree(name, taken);
    if (free) {
      taken.add(free);
      return free;
    }
  }
}

/** `name 2`, `name 3`, …: the first not yet taken. */
function firstFree(name: string, taken: Set<string>): string {
  for (let n = 2; ; n++) if (!taken.has(`${name} ${n}`)) return `${name} ${n}`;
}

/** Initial contract: the core platform plus one or two add-ons, splitting the account's ARR. */
function initialLines(rng: Rng, arr: number, addOns: number): Line[] {
  const products = [CORE_PRODUCT, ...rng.sample(ADD_ON_PRODUCTS, addOns)];
  const coreShare = rng.float(0.55, 0.75);
  const weights = products.slice(1).map(() => rng.float(0.5, 1.5));
  const sum = weights.reduce((a, b) => a + b, 0);
  return products.map((product, i) => ({
    product,
    before: Math.round(i === 0 ? arr * coreShare : (arr * (1 - coreShare) * weights[i - 1]) / sum),
    after: null,
    reason: null,
  }));
}

/** Gives every account a unique company name fitting its industry (after industries are dealt). */
export function nameAccounts(seed: number, accounts: Account[]): void {
  const rng = new Rng(seed, "names");
  const taken = new Set<string>();
  for (const a of accounts) a.name = companyName(rng, a.industry, taken);
}

/**
 * The accounts of the book, numbered in order of customer_since. Events, region, industry and name are
 * filled in later passes.
 */
export function makeAccounts(seed: number, count: number): { accounts: Account[]; initial: Line[][] } {
  const global = new Rng(seed, "accounts");
  const since = Array.from({ length: count }, () =>
    BOOK_START + Math.floor((LAST_SINCE - BOOK_START + 1) * global.next() ** SINCE_SKEW),
  ).sort((a, b) => a - b);
  const accounts: Account[] = [];
  const initial: Line[][] = [];
  for (let i = 1; i <= count; i++) {
    const rng = new Rng(seed, "account", i);
    const seg = rng.weighted(SEGMENTS.map((s) => [s, s.share] as const));
    const csm = rng.pick(CSMS);
    const arr = rng.logUniform(seg.arr[0], seg.arr[1]);
    const addOns = seg.name === "Enterprise" ? rng.int(1, 2) : rng.chance(0.75) ? 1 : 2;
    accounts.push({
      index: i,
      id: accountId(i),
      name: "",
      segment: seg.name,
      region: "",
      industry: "",
      csm,
      since: since[i - 1],
      licenses: Math.max(5, Math.round(arr / rng.float(seg.seatPrice[0], seg.seatPrice[1]))),
      execSponsor: rng.chance(PREVALENCE.execSponsor),
      fastValue: rng.chance(PREVALENCE.fastValue),
      unscored: rng.chance(UNSCORED_SHARE),
      systemScored: !UNDER_CALLERS.includes(csm) && rng.chance(SYSTEM_SCORED_SHARE),
      flipFlop: false,
      events: [],
      end: 0,
      churned: false,
    });
    initial.push(initialLines(rng, arr, addOns));
  }
  return { accounts, initial };
}
