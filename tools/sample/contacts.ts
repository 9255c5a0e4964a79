/** Contacts: 2–8 per account, decision makers and practitioners, an executive sponsor where planted. */
import {
  DECISION_MAKER_TITLES, EXEC_SPONSOR_TITLES, PRACTITIONER_TITLES, type Segment,
} from "./catalog.js";
import type { Account } from "./model.js";
import { Rng } from "./random.js";

/** One contacts row. */
export interface Contact {
  id: string;
  role: "decision_maker" | "practitioner";
  execSponsor: boolean;
  title: string;
}

const COUNT: Record<Segment, [number, number]> = {
  SMB: [2, 4],
  "Mid-Market": [3, 6],
  Enterprise: [4, 8],
};

/** Zero-padded contact id, e.g. C000042. */
export function contactId(n: number): string {
  return `C${String(n).padStart(6, "0")}`;
}

/** The contacts of one account, numbered from firstNumber; the first one is the sponsor if there is one. */
export function makeContacts(seed: number, a: Account, firstNumber: number): Contact[] {
  const rng = new Rng(seed, "contacts", a.index);
  const n = rng.int(...COUNT[a.segment]);
  const deciders = n >= 4 && rng.chance(0.5) ? 2 : 1;
  return Array.from({ length: n }, (_, i): Contact => {
    const decides = i < deciders;
    const sponsor = a.execSponsor && i === 0;
    return {
      id: contactId(firstNumber + i),
      role: decides ? "decision_maker" : "practitioner",
      execSponsor: sponsor,
      title: rng.pick(sponsor ? EXEC_SPONSOR_TITLES : decides ? DECISION_MAKER_TITLES : PRACTITIONER_TITLES),
    };
  });
}
