/**
 * Five accounts, as of 2025-12-31, written both as a billing record (subscriptions) and as renewal events,
 * so that both shapes must give the same account-basis ARR on every day:
 * - A1 (SMB, Ann): monthly plan Basic, 100/month from 2024-01-01; upgraded to 150/month on 2025-04-01.
 * - A2 (Enterprise, Bob): annual Pro 12,000 + add-on Seats 2,000 from 2024-03-01; at the 2025-03-01 renewal Pro is
 *   downgraded to 10,000, Seats removed, and Analytics 1,500 bought (a cross-sell).
 * - A3 (Enterprise, Bob): annual Pro 6,000 from 2024-07-01, cancelled at its term end 2025-07-01 (mid-year).
 * - A4 (SMB, Ann): monthly Basic 200/month from 2024-01-01, cancelled 2024-10-01; back on annual Pro 3,000 from
 *   2025-05-01 (a reactivation).
 * - A5 (SMB, Ann): new, annual Pro 5,000 from 2025-02-01.
 */
export const AS_OF = "2025-12-31";

export const ACCOUNTS = [
  "account_id,account_name,segment,region,csm,customer_since",
  "A1,Alpha,SMB,EU,Ann,2024-01-01",
  "A2,Beta,Enterprise,NA,Bob,2024-03-01",
  "A3,Gamma,Enterprise,NA,Bob,2024-07-01",
  "A4,Delta,SMB,EU,Ann,2024-01-01",
  "A5,Epsilon,SMB,NA,Ann,2025-02-01",
];

/** The first day of the month `i` months after January 2024, as YYYY-MM-DD. */
const month = (i: number) => `${2024 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}-01`;

/** The billing record: monthly plans one row per month, annual plans one row per year. */
export function subscriptionRows(): string[] {
  const rows = ["subscription_id,account_id,product,start_date,end_date,mrr,churn_reason"];
  // A1: Jan 2024 … Dec 2025 billed monthly (24 rows, the last ending 2026-01-01); 100 until March 2025, then 150.
  for (let i = 0; i < 24; i++) rows.push(`S1-${i},A1,Basic,${month(i)},${month(i + 1)},${i < 15 ? 100 : 150},`);
  rows.push(
    "S2-1,A2,Pro,2024-03-01,2025-03-01,1000,",
    "S2-2,A2,Seats,2024-03-01,2025-03-01,166.666666666667,",
    "S2-3,A2,Pro,2025-03-01,2026-03-01,833.333333333333,",
    "S2-4,A2,Analytics,2025-03-01,2026-03-01,125,",
    "S3-1,A3,Pro,2024-07-01,2025-07-01,500,Budget",
  );
  // A4: Jan … Sep 2024 monthly at 200, then nothing until annual Pro from 2025-05-01.
  for (let i = 0; i < 9; i++) rows.push(`S4-${i},A4,Basic,${month(i)},${month(i + 1)},200,${i === 8 ? "Switched" : ""}`);
  rows.push("S4-9,A4,Pro,2025-05-01,2026-05-01,250,", "S5-1,A5,Pro,2025-02-01,2026-02-01,416.666666666667,");
  return rows;
}

/** The same book as renewal events (ARR per year). */
export function renewalRows(): string[] {
  const rows = ["renewal_id,account_id,renewal_date,resolved_date,product,arr_before,arr_after,loss_reason"];
  // A1: a monthly renewal on the first of every month, resolved that day; the 2025-04-01 one is the upgrade.
  for (let i = 1; i < 24; i++) rows.push(`R1-${i},A1,${month(i)},${month(i)},Basic,${i < 16 ? 1200 : 1800},${i < 15 ? 1200 : 1800},`);
  rows.push("R1-24,A1,2026-01-01,,Basic,1800,,");
  // A2: the 2025-03-01 renewal was settled early, on 2025-02-20: its new values hold from the renewal date.
  rows.push(
    "R2-1,A2,2025-03-01,2025-02-20,Pro,12000,10000,",
    "R2-1,A2,2025-03-01,2025-02-20,Seats,2000,0,",
    "R2-1,A2,2025-03-01,2025-02-20,Analytics,0,1500,",
    "R2-2,A2,2026-03-01,,Pro,10000,,",
    "R2-2,A2,2026-03-01,,Analytics,1500,,",
    "R3-1,A3,2025-07-01,2025-06-15,Pro,6000,0,Budget",
  );
  for (let i = 1; i < 9; i++) rows.push(`R4-${i},A4,${month(i)},${month(i)},Basic,2400,2400,`);
  rows.push(
    "R4-9,A4,2024-10-01,2024-10-01,Basic,2400,0,Switched",
    // back at a new renewal: a line with no value before it starts on that day
    "R4-10,A4,2025-05-01,2025-05-01,Pro,0,3000,",
    "R4-11,A4,2026-05-01,,Pro,3000,,",
    "R5-1,A5,2026-02-01,,Pro,5000,,",
  );
  return rows;
}
