/** NPS responses: twice-yearly survey waves; the latest answer before each lookback set by the planted trait. */
import type { Account } from "./model.js";
import { Rng } from "./random.js";

/** One nps row. */
export interface Response { day: number; score: number }

/** A background score: 35% promoters, 40% passives, 25% detractors. */
function anyScore(rng: Rng): number {
  const u = rng.next();
  return u < 0.35 ? rng.int(9, 10) : u < 0.75 ? rng.int(7, 8) : rng.int(0, 6);
}

/** All responses of one account, one per day at most, in date order. */
export function makeNps(seed: number, a: Account): Response[] {
  const rng = new Rng(seed, "nps", a.index);
  const byDay = new Map<number, number>();
  for (let wave = a.since + rng.int(100, 140); wave <= a.end; wave += rng.int(170, 195)) {
    const answers = rng.weighted([[0, 0.15], [1, 0.4], [2, 0.3], [3, 0.15]] as const);
    for (let i = 0; i < answers; i++) byDay.set(wave + rng.int(0, 14), anyScore(rng));
  }
  for (const e of a.events) {
    const lb = e.lookback;
    // keep answers clear of both window edges, so inclusive and exclusive windows agree
    for (let d = -3; d <= 3; d++) {
      byDay.delete(lb + d);
      byDay.delete(lb - 365 + d);
    }
    const inWindow = [...byDay.keys()].filter((d) => d > lb - 365 && d < lb);
    if (inWindow.length === 0 && e.traits.promoter) byDay.set(lb - rng.int(10, 200), rng.int(9, 10));
    else if (inWindow.length > 0) {
      const latest = Math.max(...inWindow);
      byDay.set(latest, e.traits.promoter ? rng.int(9, 10) : e.traits.detractor ? rng.int(0, 6) : rng.int(7, 8));
    }
  }
  return [...byDay.entries()]
    .filter(([d]) => d >= a.since && d <= a.end)
    .sort((x, y) => x[0] - y[0])
    .map(([day, score]) => ({ day, score }));
}
