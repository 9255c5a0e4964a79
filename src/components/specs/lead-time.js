// How long before renewal churned accounts first turned red; "never red" apart.
import { COLOR } from "../palette.js";

/** Bars per lead-time bucket; buckets: leadTimes() output (bucket, events, share), "never red" last. */
export function leadTimeSpec(buckets, { title = "Churned renewals: first red, before renewal_date", neverLabel = "never red" } = {}) {
  const values = buckets.map((b) => ({ bucket: b.bucket, events: b.events, share: b.share ?? 0, never: b.bucket === neverLabel }));
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title,
    width: "container",
    height: 220,
    data: { values },
    mark: { type: "bar", tooltip: true },
    encoding: {
      x: { field: "bucket", type: "ordinal", sort: values.map((v) => v.bucket), title: null, axis: { labelAngle: 0 } },
      y: { field: "events", type: "quantitative", title: "churned renewals" },
      color: {
        field: "never", type: "nominal", legend: null,
        scale: { domain: [false, true], range: [COLOR.red, "#9ca3af"] },
      },
      tooltip: [
        { field: "bucket", type: "ordinal", title: "first red" },
        { field: "events", type: "quantitative", title: "churned renewals" },
        { field: "share", type: "quantitative", title: "share", format: ".1%" },
      ],
    },
  };
}
