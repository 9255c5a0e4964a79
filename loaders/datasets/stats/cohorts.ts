/**
 * Metric cohorts (Carl Gold, *Fighting Churn with Data*, ch. 5): order the
 * observations by a metric, cut them into up to ten equal-count groups, and
 * report each group's average metric and retention, so a reader sees the shape
 * of the relation and not only one threshold. Unlike a plain ntile, equal
 * values never straddle two cohorts (a cut moves past ties), and no cohort holds
 * fewer than `minSize` observations (a small slice gets fewer cohorts).
 */

/** One observation: the metric's value and whether the renewal was retained. */
export interface Observation {
  value: number;
  retained: boolean;
}

/** One cohort, numbered from 1 (lowest values). */
export interface Cohort {
  cohort: number;
  events: number;
  retained: number;
  min: number;
  max: number;
  mean: number;
}

/** Cuts `obs` into at most `maxCohorts` cohorts of at least `minSize` each; [] when two cohorts cannot be filled. */
export function metricCohorts(obs: readonly Observation[], { maxCohorts = 10, minSize = 1 } = {}): Cohort[] {
  const sorted = [...obs].sort((a, b) => a.value - b.value || Number(a.retained) - Number(b.retained));
  const n = sorted.length;
  const k = Math.min(maxCohorts, Math.floor(n / Math.max(1, minSize)));
  if (k < 2) return [];
  const cuts: number[] = [];
  let last = 0;
  for (let i = 1; i < k; i++) {
    let cut = Math.round((i * n) / k);
    while (cut < n && sorted[cut].value === sorted[cut - 1].value) cut++;  // ties stay together
    if (cut - last >= minSize && n - cut >= minSize) {
      cuts.push(cut);
      last = cut;
    }
  }
  const bounds = [0, ...cuts, n];
  const out: Cohort[] = [];
  for (let c = 0; c + 1 < bounds.length; c++) {
    const part = sorted.slice(bounds[c], bounds[c + 1]);
    out.push({
      cohort: c + 1,
      events: part.length,
      retained: part.filter((o) => o.retained).length,
      min: part[0].value,
      max: part[part.length - 1].value,
      mean: part.reduce((s, o) => s + o.value, 0) / part.length,
    });
  }
  return out.length >= 2 ? out : [];
}
