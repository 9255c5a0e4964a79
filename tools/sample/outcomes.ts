/** Line arithmetic of one renewal outcome: churn, flat, upsell, partial loss, cross-sell, rip-and-replace. */
import {
  ADD_ON_PRODUCTS, CHURN_REASONS, CORE_PRODUCT, PARTIAL_REASONS, REPLACED_REASON,
} from "./catalog.js";
import type { Line, Outcome } from "./model.js";
import type { Rng } from "./random.js";

/** Outcome mix of retained renewals. Only rip_replace combines a loss with a new product. */
export const RETAINED_MIX: readonly (readonly [Outcome, number])[] = [
  ["flat", 0.425], ["upsell", 0.25], ["partial", 0.17], ["cross_sell", 0.12], ["rip_replace", 0.035],
];

/** Most lines a contract may carry. */
const MAX_LINES = 4;

const flat = (l: Line): Line => ({ ...l, after: l.before, reason: null });
const grow = (l: Line, rng: Rng): Line => ({ ...l, after: Math.round(l.before * rng.float(1.05, 1.35)), reason: null });

function missingProduct(rng: Rng, lines: Line[]): string | null {
  const held = new Set(lines.map((l) => l.product));
  const free = ADD_ON_PRODUCTS.filter((p) => !held.has(p));
  return free.length ? rng.pick(free) : null;
}

function addOnIndex(rng: Rng, lines: Line[]): number {
  const idx = lines.map((l, i) => (l.product === CORE_PRODUCT ? -1 : i)).filter((i) => i >= 0);
  return idx.length ? rng.pick(idx) : -1;
}

/** Resolved lines of a renewal (input lines carry arr_before only). */
export function resolveLines(
  rng: Rng,
  lines: Line[],
  churn: boolean,
): { outcome: Outcome; lines: Line[]; churnReason: string | null } {
  if (churn) {
    const reason = rng.weighted(CHURN_REASONS);
    return { outcome: "churn", churnReason: reason, lines: lines.map((l) => ({ ...l, after: 0, reason })) };
  }
  let outcome = rng.weighted(RETAINED_MIX);
  const total = lines.reduce((s, l) => s + l.before, 0);
  const newProduct = missingProduct(rng, lines);
  const addOn = addOnIndex(rng, lines);
  if (outcome === "rip_replace" && (addOn < 0 || newProduct === null || lines.length >= MAX_LINES)) outcome = "flat";
  if (outcome === "cross_sell" && (lines.length >= MAX_LINES || newProduct === null)) outcome = "upsell";

  let out = lines.map(flat);
  if (outcome === "upsell") {
    const grown = new Set(rng.sample(out.map((_, i) => i), lines.length > 1 && rng.chance(0.3) ? 2 : 1));
    out = out.map((l, i) => (grown.has(i) ? grow(l, rng) : l));
  } else if (outcome === "partial") {
    const reason = rng.pick(PARTIAL_REASONS);
    if (lines.length > 2 && addOn >= 0 && rng.chance(0.4)) {
      out[addOn] = { ...out[addOn], after: 0, reason };
    } else {
      const i = rng.int(0, out.length - 1);
      out[i] = { ...out[i], after: Math.round(out[i].before * rng.float(0.5, 0.9)), reason };
    }
  } else if (outcome === "cross_sell") {
    if (rng.chance(0.4)) {
      const i = rng.int(0, out.length - 1);
      out[i] = grow(out[i], rng);
    }
    const arr = Math.round(total * rng.float(0.1, 0.35));
    out.push({ product: newProduct!, before: 0, after: arr, reason: null });
  } else if (outcome === "rip_replace") {
    const removed = out[addOn];
    out[addOn] = { ...removed, after: 0, reason: REPLACED_REASON };
    const arr = Math.round(removed.before * rng.float(0.8, 1.5));
    out.push({ product: newProduct!, before: 0, after: arr, reason: null });
  }
  return { outcome, churnReason: null, lines: out };
}

/** The lines going into the next renewal: every line still carried, at its new value. */
export function carriedLines(lines: Line[]): Line[] {
  return lines
    .filter((l) => (l.after ?? 0) > 0)
    .map((l) => ({ product: l.product, before: l.after!, after: null, reason: null }));
}
