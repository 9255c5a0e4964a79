/** Touches: a steady stream of calls, emails and meetings, plus planted business reviews and quiet spells. */
import { CSMS, type Segment } from "./catalog.js";
import type { Contact } from "./contacts.js";
import type { Account } from "./model.js";
import { periodStart } from "./model.js";
import { Rng } from "./random.js";

/** One touches row. */
export interface Touch { day: number; type: string; contactId: string | null; csm: string }

/** Ordinary touches per 30 days, by segment. */
const RATE: Record<Segment, number> = { SMB: 1.5, "Mid-Market": 3, Enterprise: 5 };

function typeMix(segment: Segment): (readonly [string, number])[] {
  const onsite = segment === "Enterprise" ? 0.06 : 0.02;
  return [["email", 0.38], ["call", 0.3], ["meeting", 0.2], ["onsite", onsite], ["other", 0.06]];
}

/** All touches of one account, in date order. */
export function makeTouches(seed: number, a: Account, contacts: Contact[]): Touch[] {
  const rng = new Rng(seed, "touches", a.index);
  const csm = () => (rng.chance(0.94) ? a.csm : rng.pick(CSMS));
  const anyone = () => (rng.chance(0.9) ? rng.pick(contacts).id : null);
  const deciders = contacts.filter((c) => c.role === "decision_maker");
  const reviewer = () => (contacts.find((c) => c.execSponsor) ?? rng.pick(deciders)).id;
  const mix = typeMix(a.segment);
  const p = RATE[a.segment] / 30;

  let touches: Touch[] = [];
  for (let d = a.since + rng.geometric(p); d <= a.end; d += 1 + rng.geometric(p)) {
    touches.push({ day: d, type: rng.weighted(mix), contactId: anyone(), csm: csm() });
  }
  a.events.forEach((e, i) => {
    const lb = e.lookback;
    if (!e.traits.touched30) {
      // quiet spell: nothing in the 30 days before the lookback (with a margin either side)
      touches = touches.filter((t) => t.day < lb - 34 || t.day > lb + 1);
    } else if (!touches.some((t) => t.day >= lb - 26 && t.day <= lb - 2)) {
      touches.push({ day: lb - rng.int(2, 26), type: rng.weighted(mix.slice(0, 3)), contactId: anyone(), csm: csm() });
    }
    if (e.traits.review) {
      // a review 40–175 days before the lookback; sometimes another earlier in the same period
      touches.push({ day: lb - rng.int(40, 175), type: "business_review", contactId: reviewer(), csm: a.csm });
      const early = lb - rng.int(200, 330);
      if (rng.chance(0.4) && early > periodStart(a, i) + 3 && early >= a.since + 14) {
        touches.push({ day: early, type: "business_review", contactId: reviewer(), csm: a.csm });
      }
    }
  });
  return touches.filter((t) => t.day >= a.since && t.day <= a.end).sort((x, y) => x.day - y.day);
}
