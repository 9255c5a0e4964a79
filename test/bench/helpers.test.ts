/** The benchmark harness's pure helpers: /proc parsing and tree sums, page data references, build logs. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { coldReport } from "../../tools/bench/cold.ts";
import { median, summarize, type TableTiming } from "../../tools/bench/datasets.ts";
import { accountPagesCost, parseBuildLog, perSecond } from "../../tools/bench/measure.ts";
import { accountView, parseFileRefs } from "../../tools/bench/pages.ts";
import { descendants, parseCpuSeconds, parseStat, parseVmRss, peakBetween, treeRss } from "../../tools/bench/rss.ts";

describe("process tree RSS", () => {
  it("reads pid and ppid even when the command name holds spaces and parentheses", () => {
    // field 2 is "(node (tsx) x)": the ppid is the 2nd field after the LAST ")" — field 3 is the state "S".
    expect(parseStat("4242 (node (tsx) x) S 17 4242 17 0 -1 4194304")).toEqual({ pid: 4242, ppid: 17 });
    expect(parseStat("1 (init) S 0 1 1")).toEqual({ pid: 1, ppid: 0 });
    expect(parseStat("garbage")).toBeNull();
  });

  it("reads a process's CPU seconds from fields 14 and 15 of its stat line, even when the name holds spaces", () => {
    // fields after ")": 3 state … 14 utime = 250 ticks, 15 stime = 40 ticks → 290 / 100 = 2.9 s
    expect(parseCpuSeconds("7 (node (tsx) x) R 1 7 7 0 -1 4194304 10 0 0 0 250 40 0 0 20 0 9 0 1 2 3")).toBe(2.9);
    expect(parseCpuSeconds("garbage")).toBe(0);
  });

  it("reads VmRSS in bytes, 0 when absent (a zombie has none)", () => {
    // 123456 kB × 1024 = 126,418,944 bytes
    expect(parseVmRss("Name:\tnode\nVmPeak:\t999 kB\nVmRSS:\t  123456 kB\nThreads:\t7\n")).toBe(126_418_944);
    expect(parseVmRss("Name:\tnode\nState:\tZ (zombie)\n")).toBe(0);
  });

  it("finds every descendant of the root through parent links, and nothing else", () => {
    // 10 → 11 → 13 → 14 and 10 → 12; 20 → 21 is another tree; 1 is the parent of both roots.
    const parents = new Map([[10, 1], [11, 10], [12, 10], [13, 11], [14, 13], [20, 1], [21, 20]]);
    expect([...descendants(10, parents)].sort()).toEqual([10, 11, 12, 13, 14]);
    expect([...descendants(21, parents)]).toEqual([21]);
  });

  it("keeps the largest sum, within a time window", () => {
    const samples = [{ t: 0, bytes: 5, procs: 1 }, { t: 0.5, bytes: 9, procs: 3 }, { t: 1.2, bytes: 7, procs: 2 }, { t: 2.5, bytes: 4, procs: 1 }];
    expect(peakBetween(samples)).toBe(9);
    expect(peakBetween(samples, 1, 3)).toBe(7); // 0.5 is before the window
    expect(peakBetween(samples, 3)).toBe(0);
    // per second: second 0 → max(5, 9) bytes, max(1, 3) processes; second 1 → 7, 2; second 2 → 4, 1
    expect(perSecond(samples)).toEqual([[0, 9, 3], [1, 7, 2], [2, 4, 1]]);
  });

  it("measures this very process: at least its own RSS, and at least one process", () => {
    const now = treeRss(process.pid);
    expect(now.procs).toBeGreaterThanOrEqual(1);
    expect(now.bytes).toBeGreaterThan(1024 * 1024);
  });
});

describe("page data references", () => {
  it("reads the path of every registerFile in a built page", () => {
    const html = `<script type="module">
import {define} from "./_observablehq/client.js";
import {registerFile} from "./_observablehq/stdlib.js";
registerFile("./data/risk.json", {"name":"./data/risk.json","mimeType":"application/json","path":"./_file/data/risk.6486386f.json","lastModified":1795347916692,"size":702150});
registerFile("../data/a \\"b\\".json", {"name":"../data/a \\"b\\".json","path":"../_file/data/a.1.json","size":3});
</script>`;
    expect(parseFileRefs(html)).toEqual([
      { name: "./data/risk.json", path: "./_file/data/risk.6486386f.json" },
      { name: '../data/a "b".json', path: "../_file/data/a.1.json" },
    ]);
    expect(parseFileRefs("<p>registerFile is mentioned in prose</p>")).toEqual([]);
  });
});

describe("one account view", () => {
  it("is the account page's own files plus the largest shard any archive holds", () => {
    const dist = mkdtempSync(join(tmpdir(), "3r-view-"));
    try {
      for (const [file, size] of [["a0/index.json", 40], ["a0/shard-0.json", 100], ["a1/shard-1.json", 300], ["a1/notes.txt", 900]] as const) {
        mkdirSync(join(dist, "data", "account", file, ".."), { recursive: true });
        writeFileSync(join(dist, "data", "account", file), "x".repeat(size));
      }
      const page = { page: "account", files: [], bytes: 50, gzipBytes: 20, largest: null };
      expect(accountView(dist, [page])).toEqual({ pageBytes: 50, shards: 2, largestShardBytes: 300, bytes: 350 });
      expect(accountView(dist, [{ ...page, page: "risk" }])).toBeNull();
    } finally {
      rmSync(dist, { recursive: true, force: true });
    }
  });
});

describe("build logs", () => {
  const line = (t: number, text: string) => ({ t, text });

  it("collects rebuilt steps slowest first, the recomputed datasets and when staging and loaders ended", () => {
    const log = parseBuildLog([
      line(1, "[build   0.9s] raw_touches built in 0.8s"),
      line(3, "[build   2.8s] stg_touches built in 0.9s, 1.7s cpu"),
      line(5.5, "[build   5.4s] staged 5,329,107 rows in 5.4s (2 steps rebuilt)"),
      line(6, "[build   5.9s] 2 of 8 datasets to compute: relationship, loss-review"),
      line(9, "[3r] dataset loss-review computed"),
      line(9.1, "copy src/data/loss-review.json → load /data/loss-review.json → [missing] success 661 kB in 4013ms"),
      line(12, "[3r] dataset relationship computed"),
      line(20, "[build  19.9s] site published to dist"),
    ]);
    // an older log line has no cpu figure: null, not 0
    expect(log.steps).toEqual([{ name: "stg_touches", seconds: 0.9, cpuSeconds: 1.7 }, { name: "raw_touches", seconds: 0.8, cpuSeconds: null }]);
    expect(log.recomputed).toEqual(["relationship", "loss-review"]);
    expect(log.datasetCount).toBe(8);
    expect(log.stagedAt).toBe(6);
    expect(log.loadersDoneAt).toBe(12);
    expect(log.loaders).toEqual([{ name: "loss-review", seconds: 4.013 }]);
  });

  it("times each dataset the wrapper computed and the shard files placed, and sums the account pages' cost", () => {
    const log = parseBuildLog([
      line(2, "[build   1.9s] account_traits built in 1.5s, 2.9s cpu"),
      line(4, "[build   3.9s] account_usage_months built in 2.0s, 3.9s cpu"),
      line(5, "[build   4.9s] risk_groups built in 1.0s, 1.9s cpu"),
      line(6, "[build   5.9s] 3 of 3 datasets to compute: risk, account, account-names"),
      line(7, "[build   6.9s] dataset risk computed"),
      line(10, "[build   9.9s] dataset account computed"),
      line(10.5, "[build  10.4s] dataset account-names computed"),
      line(30, "142 links validated"),
      line(30.25, "[build  30.2s] 641 shard files placed"),
    ]);
    expect(log.datasets).toEqual([{ name: "risk", seconds: 1 }, { name: "account", seconds: 3 }, { name: "account-names", seconds: 0.5 }]);
    expect(log.placed).toEqual({ files: 641, seconds: 0.25 });
    // 3.5 s of SQL (risk_groups is not the account pages'), 3.5 s of datasets, 0.25 s placing: 7.25 s of a 36.25 s build = 25% of 29 s
    expect(accountPagesCost(log, 36.25)).toEqual({ sqlSeconds: 3.5, datasetSeconds: 3.5, placingSeconds: 0.25, seconds: 7.25, share: 0.25 });
  });

  it("reads an unchanged build as no dataset recomputed", () => {
    const log = parseBuildLog([line(0.3, "[build   0.2s] all 8 datasets unchanged: no loader will run")]);
    expect(log).toMatchObject({ recomputed: [], datasetCount: 8, stagedAt: 0.3, loadersDoneAt: null, steps: [], loaders: [] });
  });
});

describe("dataset timings", () => {
  it("takes medians and compares SQL tables only", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    const t = (table: string, kind: "sql" | "ts", toolkitMs: number, bareMs: number | null): TableTiming =>
      ({ dataset: "d", table, kind, rows: 1, jsonBytes: 10, toolkitMs, queryMs: null, bareMs, bareJsMs: bareMs && bareMs * 2, ratio: null });
    // SQL tables: toolkit 6 + 4 = 10 ms, bare 4 + 1 = 5 ms → 2×; bare + JS 8 + 2 = 10 ms → 1×;
    // the TS table's 30 ms counts in the total only: 40 ms.
    expect(summarize([t("a", "sql", 6, 4), t("b", "sql", 4, 1), t("c", "ts", 30, null)])).toEqual([
      { dataset: "d", tables: 3, tsTables: 1, toolkitMs: 40, toolkitSqlMs: 10, bareMs: 5, bareJsMs: 10, ratio: 2, ratioJs: 1 },
    ]);
  });
});

describe("cold builds side by side", () => {
  it("reports each side's median and this commit's as a share of the other's", () => {
    const b = (seconds: number) => ({ seconds, peakRssBytes: 2 ** 30 });
    const text = coldReport([
      { label: "against", commit: "aaaaaaa", builds: [b(20), b(22)] },
      { label: "this commit", commit: "bbbbbbb", builds: [b(11), b(10)] },
    ], 2, [0.5, 0.4, 0.3]);
    // medians 21 s and 10.5 s: 10.5 / 21 = 50%
    expect(text).toContain("| aaaaaaa (against) | 20.0 s / 22.0 s | **21.0 s** | 1.00 GiB |");
    expect(text).toContain("| bbbbbbb (this commit) | 11.0 s / 10.0 s | **10.5 s** | 1.00 GiB |");
    expect(text).toContain("This commit's median is **50%** of aaaaaaa's");
    // one side alone: no share
    expect(coldReport([{ label: "this commit", commit: "bbbbbbb", builds: [b(10)] }], 1, [0, 0, 0])).not.toContain("median is");
  });
});

