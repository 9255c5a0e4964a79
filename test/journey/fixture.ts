/**
 * A hand-made book for the Journey tests. As-of 2025-12-31; thresholds stalledStageDays 120, firstValueDays 60
 * (the defaults). Days are counted by hand in the comments; the tests assert the results.
 *
 * | acct | segment    | customer_since (cohort) | milestones (days from the stage before)                                  |
 * | J1   | SMB        | 2025-01-01 (2025-Q1)    | onboarded 01-11 (10), adopted 01-31 (20), first_value 02-20 (20),          |
 * |      |            |                         | expanded 06-20 (8+31+30+31+20 = 120), renewed 12-20 (10+31+31+30+31+30+20 = 183) |
 * | J2   | SMB        | 2025-02-15 (2025-Q1)    | onboarded 03-01 (13+1 = 14), adopted 04-01 (31), first_value 06-01 (30+31 = 61), |
 * |      |            |                         | expanded 2026-01-15: after the as-of date, not reached                    |
 * | J3   | Enterprise | 2025-01-10 (2025-Q1)    | onboarded 01-20 (10)                                                       |
 * | J4   | Enterprise | 2024-04-01 (2024-Q2)    | onboarded 04-21 (20), adopted 05-21 (30), first_value 05-31 (10),          |
 * |      |            |                         | expanded 09-28 (30+31+31+28 = 120), renewed 2025-03-20 (2+31+30+31+31+28+20 = 173), |
 * |      |            |                         | advocate 2025-06-01 (11+30+31+1 = 73)                                      |
 * | J5   | SMB        | 2025-11-15 (2025-Q4)    | none                                                                       |
 * | J6   | SMB        | 2024-07-01 (2024-Q3)    | none                                                                       |
 * | J7   | SMB        | 2026-03-01              | onboarded 2026-03-05: starts after the as-of date, left out everywhere     |
 *
 * Time to first value: J1 10+20+20 = 50 (fast); J4 20+30+10 = 60 (fast: within 60 counts); J2 14+31+61 = 106 (slow);
 * J3 and J6 none (started 355 and 548 days before the as-of date, > 60); J5 pending (46 days, ≤ 60).
 *
 * Renewals (one Core line each):
 * | R1  | J1 | due 2026-01-01, resolved 2025-12-20 | 1000 → 1200 (upsell)               |
 * | R2  | J2 | due 2026-02-15, open                | 2000                               |
 * | R3  | J3 | due 2026-01-10, resolved 2025-12-01 | 9000 → 0 (lost on 2025-12-01)      |
 * | R4a | J4 | due 2025-04-01, resolved 2025-03-20 | 5000 → 6000                        |
 * | R4b | J4 | due 2026-04-01, open                | 6000                               |
 * | R5  | J5 | due 2026-11-15, open                | 800                                |
 * | R6a | J6 | due 2025-07-01, resolved 2025-06-20 | 1500 → 1500                        |
 * | R6b | J6 | due 2026-07-01, open                | 1500                               |
 * | R7  | J7 | due 2027-03-01, open                | 100                                |
 */
import { csv } from "../helpers/stage.ts";

export const AS_OF = "2025-12-31";

export const JOURNEY_FILES = {
  "accounts.csv": csv(
    "account_id,account_name,customer_since,segment,csm",
    "J1,Alpha,2025-01-01,SMB,Ann", "J2,Beta,2025-02-15,SMB,Ann", "J3,Gamma,2025-01-10,Enterprise,Bob",
    "J4,Delta,2024-04-01,Enterprise,Bob", "J5,Epsilon,2025-11-15,SMB,Ann", "J6,Zeta,2024-07-01,SMB,Bob",
    "J7,Eta,2026-03-01,SMB,Ann",
  ),
  "milestones.csv": csv(
    "account_id,stage,reached_at",
    "J1,onboarded,2025-01-11", "J1,adopted,2025-01-31", "J1,first_value,2025-02-20", "J1,expanded,2025-06-20", "J1,renewed,2025-12-20",
    "J2,onboarded,2025-03-01", "J2,adopted,2025-04-01", "J2,first_value,2025-06-01", "J2,expanded,2026-01-15",
    "J3,onboarded,2025-01-20",
    "J4,onboarded,2024-04-21", "J4,adopted,2024-05-21", "J4,first_value,2024-05-31", "J4,expanded,2024-09-28",
    "J4,renewed,2025-03-20", "J4,advocate,2025-06-01",
    "J7,onboarded,2026-03-05",
  ),
  "renewals.csv": csv(
    "renewal_id,account_id,renewal_date,resolved_date,product,arr_before,arr_after",
    "R1,J1,2026-01-01,2025-12-20,Core,1000,1200",
    "R2,J2,2026-02-15,,Core,2000,",
    "R3,J3,2026-01-10,2025-12-01,Core,9000,0",
    "R4a,J4,2025-04-01,2025-03-20,Core,5000,6000",
    "R4b,J4,2026-04-01,,Core,6000,",
    "R5,J5,2026-11-15,,Core,800,",
    "R6a,J6,2025-07-01,2025-06-20,Core,1500,1500",
    "R6b,J6,2026-07-01,,Core,1500,",
    "R7,J7,2027-03-01,,Core,100,",
  ),
};
