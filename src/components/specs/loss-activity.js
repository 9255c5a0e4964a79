// A lost renewal's year month by month, three stacked panels on one time axis: touches by
// type, usage (events, with active users in the tooltip) and tickets opened. Calendar months:
// the first and last are partial (the tooltip says how many days of each are in the year).
import { COLOR } from "../palette.js";

const TYPES = [
  ["business_reviews", "business review", "#14532d"],
  ["meetings", "meeting", "#2e8b57"],
  ["onsites", "onsite", "#86c49f"],
  ["calls", "call", "#2563eb"],
  ["emails", "email", "#93b4f0"],
  ["other_touches", "other", "#b8bcc4"],
];

/** months: months rows of one renewal (month, days, one count per touch type, usage_events, active_users, tickets, high_tickets). */
export function lossActivitySpec(months, { width = 620 } = {}) {
  const monthOrder = months.map((m) => m.month);
  const touches = months.flatMap((m) => TYPES.map(([k, label], i) => ({ month: m.month, days: m.days, type: label, order: i, touches: m[k] })))
    .filter((d) => d.touches > 0);
  const usage = months.map((m) => ({ month: m.month, days: m.days, events: m.usage_events, users: m.active_users }));
  const tickets = months.flatMap((m) => [
    { month: m.month, days: m.days, severity: "high or urgent", tickets: m.high_tickets },
    { month: m.month, days: m.days, severity: "low or normal", tickets: m.tickets - m.high_tickets },
  ]).filter((d) => d.tickets > 0);
  const x = (axis) => ({ field: "month", type: "ordinal", sort: monthOrder, scale: { domain: monthOrder }, title: null, axis });
  const hidden = { labels: false, ticks: false, domain: false };
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    spacing: 6,
    resolve: { scale: { color: "independent" } },
    vconcat: [
      {
        width, height: 70,
        title: { text: "Touches per month", anchor: "start", fontSize: 12 },
        data: { values: touches },
        mark: { type: "bar", tooltip: true },
        encoding: {
          x: x(hidden),
          y: { field: "touches", type: "quantitative", title: null, axis: { tickMinStep: 1, tickCount: 3 } },
          color: { field: "type", type: "nominal", title: null, scale: { domain: TYPES.map((t) => t[1]), range: TYPES.map((t) => t[2]) } },
          order: { field: "order", type: "quantitative" },
          tooltip: [
            { field: "month", type: "nominal" }, { field: "type", type: "nominal" },
            { field: "touches", type: "quantitative" }, { field: "days", type: "quantitative", title: "days of the month in the year" },
          ],
        },
      },
      {
        width, height: 60,
        title: { text: "Usage events per month", anchor: "start", fontSize: 12 },
        data: { values: usage },
        mark: { type: "area", line: true, color: "#6b7280", opacity: 0.35, tooltip: true },
        encoding: {
          x: x(hidden),
          y: { field: "events", type: "quantitative", title: null, axis: { format: "~s", tickCount: 3 } },
          tooltip: [
            { field: "month", type: "nominal" }, { field: "events", type: "quantitative", title: "usage events", format: "," },
            { field: "users", type: "quantitative", title: "active users" }, { field: "days", type: "quantitative", title: "days of the month in the year" },
          ],
        },
      },
      {
        width, height: 45,
        title: { text: "Tickets opened", anchor: "start", fontSize: 12 },
        data: { values: tickets },
        mark: { type: "bar", tooltip: true },
        encoding: {
          x: x({ labelAngle: 0, labelFontSize: 9 }),
          y: { field: "tickets", type: "quantitative", title: null, axis: { tickMinStep: 1, tickCount: 2 } },
          color: { field: "severity", type: "nominal", title: null, scale: { domain: ["high or urgent", "low or normal"], range: [COLOR.red, "#b8bcc4"] } },
          tooltip: [{ field: "month", type: "nominal" }, { field: "severity", type: "nominal" }, { field: "tickets", type: "quantitative" }],
        },
      },
    ],
  };
}
