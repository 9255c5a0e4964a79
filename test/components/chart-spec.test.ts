import { describe, expect, it } from "vitest";
import { readableSpec, words } from "../../src/components/chart-spec.js";
import { recolor, vegaConfig } from "../../src/components/palette.js";
import { compileWarnings } from "../helpers/vega.ts";

const spec = {
  $schema: "https://vega.github.io/schema/vega-lite/v6.json",
  title: "Renewals by renewal_date",
  data: { values: [{ renewal_date: "2025-01-01", arr: 12000, status: "warned" }] },
  width: 620,
  mark: { type: "point", color: "#c0392b" },
  encoding: {
    x: { field: "renewal_date", type: "temporal" },
    y: { field: "arr", type: "quantitative", title: "ARR at stake", axis: { format: "$~s" } },
    color: { field: "status", type: "nominal", title: null },
    tooltip: [{ field: "renewal_date", type: "temporal" }, { field: "arr", type: "quantitative", format: ",.0f" }],
  },
};

describe("every chart reads in readers' words", () => {
  it("titles untitled fields with their label and rewords field names in titles", () => {
    const out = readableSpec(spec);
    expect(out.title).toBe("Renewals by renewal date");
    expect(out.encoding.x.title).toBe("renewal date");
    expect(out.encoding.color.title).toBeNull(); // a title the spec set to nothing stays nothing
    expect(out.encoding.tooltip.map((t: { title: string }) => t.title)).toEqual(["renewal date", "ARR"]);
    expect(words("share by current_arr and csm")).toBe("share by current ARR and csm");
  });

  it("puts money in the money rule and shrinks a fixed width to the space there is", () => {
    const out = readableSpec(spec, { currency: "EUR", maxWidth: 350 });
    expect(out.encoding.y.axis).toEqual({ format: "EUR", formatType: "money" });
    expect(out.encoding.tooltip[1]).toMatchObject({ format: "EUR", formatType: "money" });
    expect(out.width).toBe(350);
    expect(readableSpec(spec).width).toBe(620);
    expect(spec.encoding.x).toEqual({ field: "renewal_date", type: "temporal" }); // the input is not changed
  });

  it("takes its colours from the theme and still compiles", () => {
    const palette = { "--red": "#e5604f", "--theme-foreground": "#dfdfd6" };
    const out = { ...recolor(readableSpec(spec), palette), config: vegaConfig(palette, { narrow: true }) };
    expect(out.mark.color).toBe("#e5604f");
    expect(out.config.title.color).toBe("#dfdfd6");
    expect(out.config.axisQuantitative.tickCount).toBe(4);
    expect(out.data.values[0].renewal_date).toBe("2025-01-01"); // data is never recoloured
    expect(compileWarnings(out)).toEqual([]);
  });
});

describe("layered and narrow charts", () => {
  it("give every layer the axis title one layer set, and wrap a long title on a phone", () => {
    const layered = {
      title: "GRR and NRR per quarter cohort (dashed line: 100%)",
      layer: [
        { mark: "bar", encoding: { y: { field: "rate", type: "quantitative", title: "rate" } } },
        { mark: "rule", encoding: { y: { field: "ref", type: "quantitative" } } },
      ],
    };
    const out = readableSpec(layered, { maxWidth: 300 });
    // without the shared title Vega-Lite would show "rate, ref"
    expect(out.layer.map((l: { encoding: { y: { title: string } } }) => l.encoding.y.title)).toEqual(["rate", "rate"]);
    // 300 px, less 40 for the actions button, holds 32 characters of title a line
    expect(out.title).toEqual(["GRR and NRR per quarter cohort", "(dashed line: 100%)"]);
    expect(readableSpec(layered).title).toBe(layered.title);
  });
});

describe("waterfall-like charts", () => {
  it("leave the y2 title to the y axis and drop crowded value labels on a phone", () => {
    const values = Array.from({ length: 9 }, (_, i) => ({ step: `s${i}`, start: i, end: i + 1, label: `${i}` }));
    const spec = {
      data: { values },
      encoding: { x: { field: "step", type: "nominal", title: null } },
      layer: [
        { mark: "bar", encoding: { y: { field: "start", type: "quantitative", title: "Contract value (USD)" }, y2: { field: "end" } } },
        { mark: { type: "text", dy: -8 }, encoding: { y: { field: "top", type: "quantitative" }, text: { field: "label" } } },
      ],
    };
    const wide = readableSpec(spec);
    expect(wide.layer[0].encoding.y2.title).toBeUndefined();
    expect(wide.layer[1].encoding.y.title).toBe("Contract value (USD)");
    expect(wide.layer).toHaveLength(2);
    // nine bars on a phone: the labels go, the bars stay
    expect(readableSpec(spec, { narrow: true }).layer.map((l: { mark: unknown }) => l.mark)).toEqual(["bar"]);
    expect(readableSpec({ ...spec, data: { values: values.slice(0, 4) } }, { narrow: true }).layer).toHaveLength(2);
  });
});
