/** Measures the planted truths of a generated book from its Parquet files, the way docs/metrics.md defines them. */
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { AS_OF, iso } from "./calendar.js";
import { UNDER_CALLERS } from "./catalog.js";
import { Z95 } from "../../loaders/datasets/stats/intervals.ts";
import { openDuckDB } from "./write.js";

const asOf = `DATE '${iso(AS_OF)}'`;

/** One with/without split of resolved renewal events on a trait. */
export interface TraitSplit {
  trait: string;
  with: number;
  without: number;
  retentionWith: number;
  retentionWithout: number;
  diff: number;
  low: number;
  high: number;
}

/** Wilson score interval of k successes out of n (95%). */
function wilson(k: number, n: number): [number, number] {
  const z = Z95, p = k / n, z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
  return [centre - half, centre + half];
}

/** Newcombe's interval for p1 − p2 from the two Wilson intervals. */
export function newcombe(k1: number, n1: number, k2: number, n2: number): [number, number, number] {
  const [p1, p2] = [k1 / n1, k2 / n2];
  const [l1, u1] = wilson(k1, n1), [l2, u2] = wilson(k2, n2);
  const d = p1 - p2;
  return [d, d - Math.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2), d + Math.sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2)];
}

/** Resolved events with every green-profile trait measured at renewal_date − 90 days. */
export const EVENTS_SQL = (dir: string) => {
  const t = (name: string) => `read_parquet('${dir}/${name}.parquet')`;
  return `
  create or replace temp table ev as
  with r as (
    select renewal_id, any_value(account_id) account_id, any_value(renewal_date) renewal_date,
      any_value(resolved_date) resolved_date, sum(arr_before) ev_before, sum(arr_after) ev_after
    from ${t("renewals")} group by renewal_id
  ), e as (
    select r.*, r.renewal_date - 90 lb, a.segment, a.region, a.industry, a.csm, a.licenses, a.customer_since
    from r join ${t("accounts")} a using (account_id) where r.resolved_date is not null
  ), u as (
    select e.renewal_id,
      count(distinct case when u.date > e.lb - 90 then u.user_id end) users,
      count(distinct case when u.date > e.lb - 90 then u.feature end) features,
      bool_or(u.date > e.lb - 90 and f.sticky) sticky,
      sum(case when u.date > e.lb - 90 then u.events else 0 end) ev_now,
      sum(case when u.date <= e.lb - 90 then u.events else 0 end) ev_before
    from e join ${t("usage")} u on u.account_id = e.account_id and u.date > e.lb - 180 and u.date <= e.lb
    join ${t("features")} f using (feature) group by e.renewal_id
  ), tc as (
    select e.renewal_id,
      bool_or(t.date > e.lb - 30) touched30,
      bool_or(t.type = 'business_review') review180,
      count(distinct t.contact_id) contacts180,
      bool_or(t.date > e.lb - 90 and c.role = 'decision_maker') dm90
    from e join ${t("touches")} t on t.account_id = e.account_id and t.date > e.lb - 180 and t.date <= e.lb
    left join ${t("contacts")} c using (contact_id) group by e.renewal_id
  ), tk as (
    select e.renewal_id, true high_ticket
    from e join ${t("tickets")} k on k.account_id = e.account_id and k.opened_at > e.lb - 90 and k.opened_at <= e.lb
    where k.severity in ('high', 'urgent') group by e.renewal_id
  ), n as (
    select e.renewal_id, arg_max(n.score, n.responded_at) nps
    from e join ${t("nps")} n on n.account_id = e.account_id and n.responded_at > e.lb - 365 and n.responded_at <= e.lb
    group by e.renewal_id
  ), h as (
    select e.renewal_id, coalesce(h.color, 'unscored') color
    from e asof left join ${t("health")} h on h.account_id = e.account_id and e.lb >= h.as_of
  ), x as (
    select account_id, bool_or(is_exec_sponsor) exec from ${t("contacts")} group by account_id
  ), fv as (
    select account_id, min(reached_at) fv from ${t("milestones")} where stage = 'first_value' group by account_id
  )
  select e.*, e.ev_after = 0 churned, h.color,
    coalesce(u.users, 0) / nullif(e.licenses, 0) >= 0.6 util60,
    coalesce(u.features, 0) / 8 >= 0.5 breadth50,
    coalesce(u.sticky, false) sticky,
    not (coalesce(u.ev_now, 0) <= coalesce(u.ev_before, 0) * 2 / 3 and coalesce(u.ev_before, 0) > 0) not_falling,
    coalesce(x.exec, false) exec_sponsor,
    coalesce(tc.contacts180, 0) >= 3 contacts3,
    coalesce(tc.touched30, false) touched30,
    coalesce(tc.review180, false) review180,
    coalesce(tc.dm90, false) dm90,
    tk.high_ticket is null no_high_ticket,
    coalesce(n.nps >= 9, false) promoter,
    coalesce(n.nps <= 6, false) detractor,
    coalesce(fv.fv - e.customer_since <= 60, false) fast_value
  from e left join u using (renewal_id) left join tc using (renewal_id) left join tk using (renewal_id)
  left join n using (renewal_id) left join h using (renewal_id) left join x using (account_id)
  left join fv using (account_id)`;
};

/** Boolean traits measured per event, as named in docs/metrics.md § Green profile. */
export const TRAITS = [
  "exec_sponsor", "util60", "sticky", "review180", "fast_value", "promoter", "touched30", "no_high_ticket",
  "detractor", "breadth50", "not_falling", "contacts3", "dm90",
] as const;

/** Runs a query and returns plain JS row objects. */
async function rows(conn: Awaited<ReturnType<typeof openDuckDB>>, sql: string) {
  return (await conn.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[];
}

/** Every measured truth of the book in `dir`. */
export async function measureBook(dir: string) {
  const conn = await openDuckDB();
  const t = (name: string) => `read_parquet('${resolve(dir)}/${name}.parquet')`;
  try {
    await conn.run(EVENTS_SQL(resolve(dir)));
    const traits: TraitSplit[] = [];
    for (const trait of TRAITS) {
      const [r] = await rows(conn, `select count(*) filter (${trait}) nw, count(*) filter (${trait} and not churned) kw,
        count(*) filter (not ${trait}) nn, count(*) filter (not ${trait} and not churned) ko from ev`);
      const [nw, kw, no, ko] = [r.nw, r.kw, r.nn, r.ko].map(Number);
      const [diff, low, high] = newcombe(kw, nw, ko, no);
      traits.push({ trait, with: nw, without: no, retentionWith: kw / nw, retentionWithout: ko / no, diff, low, high });
    }
    const bySegment = await rows(conn, `select segment, count(*) events, avg(churned::int) logo_churn,
      1 - sum(least(ev_after, ev_before)) / sum(ev_before) full_loss_share_approx from ev group by segment order by segment`);
    const overall = await rows(conn, `select count(*) events, avg(churned::int) logo_churn from ev`);
    const byCsm = await rows(conn, `select csm, count(*) events, avg((color = 'red')::int) red_share,
      avg(churned::int) logo_churn from ev group by csm order by csm`);
    const byCategory = await rows(conn, `select 'industry' kind, industry category, count(*) events, 1 - avg(churned::int) retention
      from ev group by industry union all select 'region', region, count(*), 1 - avg(churned::int) from ev group by region
      order by 1, 2`);
    const waterfall = await rows(conn, `with l as (
        select r.renewal_id, r.arr_before b, r.arr_after a, sum(r.arr_after) over (partition by renewal_id) ev_after
        from ${t("renewals")} r where resolved_date is not null)
      select sum(b) resolved, sum(b) filter (ev_after = 0) full_loss,
        sum(greatest(b - a, 0)) filter (ev_after > 0) partial_loss,
        sum(greatest(a - b, 0)) filter (ev_after > 0 and b > 0) upsell,
        sum(a) filter (ev_after > 0 and b = 0) cross_sell, sum(a) ending from l`);
    const events = await rows(conn, `with r as (select renewal_id, any_value(renewal_date) d, any_value(resolved_date) res,
        sum(greatest(arr_before - arr_after, 0)) lost, sum(arr_after) filter (arr_before = 0) cross_sold,
        sum(arr_after) ev_after, count(*) filter (arr_before > 0 and arr_after = arr_before) flat_lines, count(*) lines
        from ${t("renewals")} group by renewal_id)
      select count(*) filter (res is not null) resolved,
        count(*) filter (res is null and d < ${asOf}) overdue,
        count(*) filter (res is null and d > ${asOf}) upcoming,
        count(*) filter (res is null and d between ${asOf} + 270 and ${asOf} + 365) due_270_365,
        count(*) filter (res is not null and ev_after > 0 and lost > 0 and cross_sold > 0) rip_replace,
        count(*) filter (res is not null and ev_after > 0 and lost = 0 and cross_sold > 0 and flat_lines = lines - 1) pure_cross_sell
      from r`);
    const leads = await rows(conn, `with red as (
        select e.renewal_id, min(h.as_of) first_red from ev e join ${t("health")} h
        on h.account_id = e.account_id and h.color = 'red' and h.as_of > e.renewal_date - 365 and h.as_of <= e.renewal_date
        group by e.renewal_id)
      select csm in (${UNDER_CALLERS.map((c) => `'${c}'`).join(", ")}) under_caller, count(*) churned,
        avg((color = 'red')::int) red_at_lookback, avg((first_red is null)::int) never_red,
        median(renewal_date - first_red) median_lead_days
      from ev left join red using (renewal_id) where churned group by all order by 1`);
    const flips = await rows(conn, `with h as (select account_id, as_of, color,
        lag(color) over w prev, lag(as_of) over w prev_day from ${t("health")} window w as (partition by account_id order by as_of))
      select count(distinct account_id) accounts from h
      where (prev = 'red' and color = 'green' or prev = 'green' and color = 'red') and as_of - prev_day <= 30`);
    // usage trend at the lookback by outcome (data/README.md § Usage dips and fades): events in the 90 days ÷ the 90 before
    const fading = await rows(conn, `with x as (
        select e.churned, e.not_falling,
          (select any_value(loss_reason) from ${t("renewals")} r where r.renewal_id = e.renewal_id) reason,
          (select sum(u.events) filter (u.date > e.lb - 90) / nullif(sum(u.events) filter (u.date <= e.lb - 90), 0)
            from ${t("usage")} u where u.account_id = e.account_id and u.date > e.lb - 180 and u.date <= e.lb) ratio
        from ev e)
      select case when not churned then 'retained' when reason = 'Acquired' then 'churned, Acquired' else 'churned, other reasons' end outcome,
        count(*) events, avg((not not_falling)::int) falling_share, median(ratio) median_ratio from x group by all order by all`);
    const unscored = await rows(conn, `select count(*) n from ${t("accounts")} a anti join ${t("health")} h using (account_id)`);
    const maxDates = await rows(conn, `select (select max(date) from ${t("usage")}) usage, (select max(date) from ${t("touches")}) touches,
      (select max(as_of) from ${t("health")}) health, (select max(renewal_date) from ${t("renewals")}) renewals`);
    return { traits, bySegment, overall, byCsm, byCategory, waterfall, events, leads, flips, fading, unscored, maxDates };
  } finally {
    conn.closeSync();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dir = process.argv[2] ?? "data";
  const m = await measureBook(dir);
  const pct = (x: number) => (100 * x).toFixed(1) + "%";
  console.log("| trait | with | without | retention with | retention without | diff [95% CI] |\n|---|---|---|---|---|---|");
  for (const s of m.traits) {
    console.log(`| ${s.trait} | ${s.with} | ${s.without} | ${pct(s.retentionWith)} | ${pct(s.retentionWithout)} | ` +
      `${(100 * s.diff).toFixed(1)} [${(100 * s.low).toFixed(1)}, ${(100 * s.high).toFixed(1)}] |`);
  }
  const { traits: _, ...rest } = m;
  console.log(JSON.stringify(rest, (_k, v) => (typeof v === "bigint" ? Number(v) : v), 1));
}
