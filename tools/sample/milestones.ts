/** Lifecycle milestones reached in order; first value within 60 days where planted; some accounts stall. */
import { AS_OF } from "./calendar.js";
import type { Account } from "./model.js";
import { Rng } from "./random.js";

/** One milestones row. */
export interface Milestone { stage: string; day: number }

/** The stages an account reached, in order (a stage is only reached after all earlier ones). */
export function makeMilestones(seed: number, a: Account): Milestone[] {
  const rng = new Rng(seed, "milestones", a.index);
  const out: Milestone[] = [];
  const onboarded = a.since + (a.fastValue ? rng.int(5, 18) : rng.int(10, 45));
  out.push({ stage: "onboarded", day: onboarded });
  const stall = a.fastValue ? 1 : rng.next(); // below 0.1: stalls onboarded; below 0.3: stalls adopted
  if (stall >= 0.1) {
    const adopted = onboarded + (a.fastValue ? rng.int(7, 20) : rng.int(20, 90));
    out.push({ stage: "adopted", day: adopted });
    if (stall >= 0.3) {
      const firstValue = a.fastValue
        ? Math.min(a.since + 58, Math.max(adopted + 3, a.since + rng.int(25, 58)))
        : Math.max(adopted + 10, a.since + rng.int(75, 330));
      out.push({ stage: "first_value", day: firstValue });
      if (rng.chance(0.5)) {
        const expanded = firstValue + rng.int(60, 300);
        out.push({ stage: "expanded", day: expanded });
        const renewal = a.events.find((e) => e.status === "resolved" && !e.churn && e.resolved! > expanded);
        if (renewal) {
          out.push({ stage: "renewed", day: renewal.resolved! });
          if (rng.chance(0.3)) out.push({ stage: "advocate", day: renewal.resolved! + rng.int(30, 240) });
        }
      }
    }
  }
  return out.filter((m) => m.day <= Math.min(a.end, AS_OF));
}
