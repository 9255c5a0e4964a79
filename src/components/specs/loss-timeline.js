// A lost renewal's health over the year before its renewal date: one band of color spans,
// red / yellow / green / unscored, with the renewal date at the right edge.
import { COLOR_SCALE } from "./risk-colors.js";

/**
 * spans: colors rows of one renewal (color, day_from, day_to, days), day_to exclusive.
 * Fixed width, so the printed worksheet keeps its layout.
 */
export function lossTimelineSpec(spans, { width = 620, title = "Health color, the year before renewal" } = {}) {
  const values = spans.map((s) => ({ color: s.color, from: s.day_from, to: s.day_to, days: s.days }));
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: { text: title, anchor: "start", fontSize: 12 },
    width,
    height: 26,
    data: { values },
    mark: { type: "bar", tooltip: true },
    encoding: {
      x: { field: "from", type: "temporal", title: null, axis: { format: "%b %Y", tickCount: 6 } },
      x2: { field: "to" },
      color: { field: "color", type: "nominal", title: null, scale: COLOR_SCALE, legend: { orient: "right" } },
      tooltip: [
        { field: "color", type: "nominal", title: "color" },
        { field: "from", type: "temporal", title: "from", format: "%Y-%m-%d" },
        { field: "to", type: "temporal", title: "until (exclusive)", format: "%Y-%m-%d" },
        { field: "days", type: "quantitative", title: "days" },
      ],
    },
  };
}
