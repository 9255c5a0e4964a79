/** Removes the chance imbalance of the non-drivers, so the book shows them with no effect on retention. */
import { INDUSTRIES, REGIONS } from "./catalog.js";
import { NON_DRIVERS } from "./drivers.js";
import type { Account } from "./model.js";
import { Rng } from "./random.js";

/**
 * Non-driver states are drawn independently of churn; sampling still leaves them a few points apart between
 * churned and retained renewals. Flips the fewest random states so that each has the same prevalence (to the
 * nearest event) among churned and among retained resolved renewals.
 */
export function balanceNonDrivers(seed: number, accounts: Account[]): void {
  const rng = new Rng(seed, "balance");
  const all = accounts.flatMap((a) => a.events.filter((e) => e.status === "resolved"));
  for (const trait of NON_DRIVERS) {
    // a detractor score only shows where the latest answer is not a promoter's
    const resolved = trait === "detractor" ? all.filter((e) => !e.traits.promoter) : all;
    const prevalence = resolved.filter((e) => e.traits[trait]).length / resolved.length;
    for (const churned of [true, false]) {
      const group = resolved.filter((e) => e.churn === churned);
      const want = Math.round(prevalence * group.length);
      const have = group.filter((e) => e.traits[trait]).length;
      const excess = rng.shuffle(group.filter((e) => e.traits[trait] === have > want));
      for (const e of excess.slice(0, Math.abs(have - want))) e.traits = { ...e.traits, [trait]: !e.traits[trait] };
    }
  }
}

/** Region shares as a block of twenty: 9 NA, 6 EMEA, 3 APAC, 2 LATAM. */
const REGION_BLOCK = REGIONS.flatMap(([region, share]) => Array<string>(Math.round(share * 20)).fill(region));

/**
 * Deals industry and region in blocks (blocked randomization): accounts are ranked by segment and renewal
 * record, and each run of 8 (industries) or 20 (regions) receives a shuffled full set. Neither can then
 * differ in churn by more than chance within a block.
 */
export function dealFirmographics(seed: number, accounts: Account[]): void {
  const rng = new Rng(seed, "firmographics");
  const record = (a: Account) => {
    const resolved = a.events.filter((e) => e.status === "resolved");
    return [a.segment, resolved.filter((e) => e.churn).length, resolved.length].join("|");
  };
  const ranked = accounts
    .map((a) => ({ a, key: record(a), tie: rng.next() }))
    .sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : x.tie - y.tie))
    .map((x) => x.a);
  const deal = <T>(block: readonly T[], set: (a: Account, v: T) => void) => {
    let hand: T[] = [];
    for (const a of ranked) {
      if (hand.length === 0) hand = rng.shuffle(block);
      set(a, hand.pop()!);
    }
  };
  deal(INDUSTRIES, (a, v) => (a.industry = v));
  deal(REGION_BLOCK, (a, v) => (a.region = v));
}
