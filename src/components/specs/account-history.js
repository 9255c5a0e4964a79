// One account's history, three small charts on the account page: health score over time (points colored by the
// health color of the day), usage per month (events as bars, active users as a line on its own axis) and
// touches per month stacked by type. Width follows the container, so the page never scrolls sideways on a phone.
import { COLOR_SCALE } from "./risk-colors.js";

const SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json";
const FIT = { width: "container", autosize: { type: "fit-x", contains: "padding" } };
// Touch types as readers say them (legend and tooltips), in the colors of their kind: meetings green, calls and mail blue.
const TOUCH_TYPES = { domain: ["business review", "meeting", "onsite", "call", "email", "other"], range: ["#14532d", "#2e8b57", "#86c49f", "#2563eb", "#93b4f0", "#b8bcc4"] };
const title = (text) => ({ text, anchor: "start", fontSize: 12 });

/** health: rows {day, color, score}; a snapshot without a score is drawn on the color band only. */
export function accountHealthSpec(health) {
  const values = health.map((h) => ({ day: h.day, color: h.color, score: h.score }));
  const scored = values.filter((v) => v.score !== null);
  return {
    $schema: SCHEMA, ...FIT, height: 140,
    title: title(scored.length ? "Health score and color" : "Health color"),
    data: { values },
    layer: [
      ...(scored.length ? [{
        transform: [{ filter: "datum.score !== null" }],
        mark: { type: "line", color: "#9ca3af", strokeWidth: 1 },
        encoding: { x: { field: "day", type: "temporal", title: null, axis: { tickCount: 5 } }, y: { field: "score", type: "quantitative", title: "score" } },
      }] : []),
      {
        mark: { type: "point", filled: true, size: 36, tooltip: true },
        encoding: {
          x: { field: "day", type: "temporal", title: null, axis: { tickCount: 5 } },
          y: scored.length ? { field: "score", type: "quantitative", title: "score" } : { datum: 0, axis: null },
          color: { field: "color", type: "nominal", title: null, scale: COLOR_SCALE, legend: { orient: "top" } },
          tooltip: [
            { field: "day", type: "temporal", title: "snapshot", format: "%Y-%m-%d" },
            { field: "color", type: "nominal", title: "color" },
            { field: "score", type: "quantitative", title: "score" },
          ],
        },
      },
    ],
  };
}

/** months: rows {month, events, active_users, active_days, features_used}. */
export function accountUsageSpec(months) {
  const values = months.map((m) => ({ month: `${m.month}-01`, events: m.events, users: m.active_users, days: m.active_days, features: m.features_used }));
  const x = { field: "month", type: "temporal", timeUnit: "yearmonth", title: null, axis: { tickCount: 6, format: "%b %Y" } };
  const tooltip = [
    { field: "month", type: "temporal", timeUnit: "yearmonth", title: "month", format: "%b %Y" },
    { field: "events", type: "quantitative", title: "usage events", format: "," },
    { field: "users", type: "quantitative", title: "active users" },
    { field: "days", type: "quantitative", title: "active days" },
    { field: "features", type: "quantitative", title: "features used" },
  ];
  return {
    $schema: SCHEMA, ...FIT, height: 140,
    title: title("Usage per month: events (bars) and active users (line)"),
    data: { values },
    encoding: { x },
    layer: [
      { mark: { type: "bar", color: "#b8bcc4", tooltip: true }, encoding: { y: { field: "events", type: "quantitative", title: "events", axis: { format: "~s", tickCount: 4 } }, tooltip } },
      { mark: { type: "line", color: "#2563eb", point: true, tooltip: true }, encoding: { y: { field: "users", type: "quantitative", title: "active users", axis: { orient: "right", tickCount: 4 } }, tooltip } },
    ],
    resolve: { scale: { y: "independent" } },
  };
}

// The columns of a touch_months row, one per touch type (named as TOUCH_TYPES).
const TOUCH_COLUMNS = { "business review": "business_reviews", meeting: "meetings", onsite: "onsites", call: "calls", email: "emails", other: "other_touches" };

/** touchMonths: rows {month, business_reviews, meetings, onsites, calls, emails, other_touches}; one bar segment per type used. */
export function accountTouchesSpec(touchMonths) {
  const values = touchMonths.flatMap((m) => Object.entries(TOUCH_COLUMNS)
    .filter(([, col]) => m[col] > 0)
    .map(([type, col]) => ({ month: `${m.month}-01`, type, touches: m[col] })));
  return {
    $schema: SCHEMA, ...FIT, height: 120,
    title: title("Touches per month, by type"),
    data: { values },
    mark: { type: "bar", tooltip: true },
    encoding: {
      x: { field: "month", type: "temporal", timeUnit: "yearmonth", title: null, axis: { tickCount: 6, format: "%b %Y" } },
      y: { field: "touches", type: "quantitative", title: "touches", axis: { tickMinStep: 1, tickCount: 4 } },
      color: { field: "type", type: "nominal", title: null, scale: TOUCH_TYPES, legend: { orient: "top" } },
      tooltip: [
        { field: "month", type: "temporal", timeUnit: "yearmonth", title: "month", format: "%b %Y" },
        { field: "type", type: "nominal", title: "type" },
        { field: "touches", type: "quantitative", title: "touches" },
      ],
    },
  };
}
