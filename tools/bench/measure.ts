/** Runs a command as a child process and measures its wall time and the peak RSS of its whole tree. */
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { peakBetween, type Sample, sampleTree } from "./rss.ts";

/** A line the child printed, with the seconds since it started. */
export interface Line { t: number; text: string }

/** What one measured run gave. */
export interface Measured {
  command: string;
  seconds: number;
  peakRssBytes: number;
  peakProcesses: number;
  /** CPU seconds of the process tree (user + system), the largest total seen while it ran. */
  cpuSeconds: number;
  exitCode: number;
  /** stdout and stderr lines, in arrival order. */
  lines: Line[];
  samples: Sample[];
}

/** Options: extra environment, and where to echo the child's lines as they come. */
export interface MeasureOptions {
  cwd: string;
  env?: Record<string, string>;
  echo?: (line: string) => void;
}

/** Runs `cmd argv`, sampling the tree's RSS every ~100 ms; resolves when it exits (whatever its code). */
export function measure(cmd: string, argv: string[], opts: MeasureOptions): Promise<Measured> {
  return new Promise((done, fail) => {
    const t0 = performance.now();
    const child = spawn(cmd, argv, { cwd: opts.cwd, env: { ...process.env, ...opts.env }, stdio: ["ignore", "pipe", "pipe"] });
    child.on("error", fail);
    const sampler = sampleTree(child.pid!);
    const lines: Line[] = [];
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream }).on("line", (text) => {
        lines.push({ t: (performance.now() - t0) / 1000, text });
        opts.echo?.(text);
      });
    }
    child.on("close", (code) => {
      const samples = sampler.stop();
      done({
        command: [cmd, ...argv].join(" "), seconds: (performance.now() - t0) / 1000, peakRssBytes: peakBetween(samples),
        peakProcesses: Math.max(...samples.map((s) => s.procs)), cpuSeconds: Math.max(0, ...samples.map((s) => s.cpuSeconds ?? 0)), exitCode: code ?? 1, lines, samples,
      });
    });
  });
}

/** What a build printed about itself: slow steps, which datasets it recomputed, when each phase ended. */
export interface BuildLog {
  /** Warehouse steps that ran (`[build  12.3s] raw_usage built in 5.2s, 8.1s cpu`), slowest first; cpu null in older logs. */
  steps: { name: string; seconds: number; cpuSeconds: number | null }[];
  /** Datasets recomputed, from `N of M datasets to compute: a, b` (empty for "all M datasets unchanged"). */
  recomputed: string[];
  datasetCount: number | null;
  /** Seconds from the start: staging done (the datasets line), and the last dataset loader done. */
  stagedAt: number | null;
  loadersDoneAt: number | null;
  /** Framework's report of each data loader it ran (`load /data/risk.json → … success 702 kB in 4746ms`). */
  loaders: { name: string; seconds: number }[];
  /** Each dataset the wrapper computed: from the previous dataset (or the end of staging) to its `dataset X computed` line. */
  datasets: { name: string; seconds: number }[];
  /** Placing the shard files after Framework (`641 shard files placed`): from the line before it. */
  placed: { files: number; seconds: number } | null;
}

/** Parses the build's output lines. */
export function parseBuildLog(lines: Line[]): BuildLog {
  const log: BuildLog = { steps: [], recomputed: [], datasetCount: null, stagedAt: null, loadersDoneAt: null, loaders: [], datasets: [], placed: null };
  let previous = 0;
  for (const { t, text } of lines) {
    const body = text.replace(/^\[[^\]]*\]\s*/, "");
    const step = /^(\S+) built in ([\d.]+)s(?:, ([\d.]+)s cpu)?$/.exec(body);
    if (step) log.steps.push({ name: step[1], seconds: Number(step[2]), cpuSeconds: step[3] === undefined ? null : Number(step[3]) });
    const some = /^(\d+) of (\d+) datasets to compute: (.*)$/.exec(body);
    if (some) Object.assign(log, { recomputed: some[3].split(",").map((s) => s.trim()).filter(Boolean), datasetCount: Number(some[2]), stagedAt: t });
    const none = /^all (\d+) datasets unchanged/.exec(body);
    if (none) Object.assign(log, { recomputed: [], datasetCount: Number(none[1]), stagedAt: t });
    const computed = /^dataset (\S+) computed$/.exec(body);
    if (computed) {
      log.datasets.push({ name: computed[1], seconds: t - (log.loadersDoneAt ?? log.stagedAt ?? t) });
      log.loadersDoneAt = t;
    }
    const placed = /^(\d+) shard files placed$/.exec(body);
    if (placed) log.placed = { files: Number(placed[1]), seconds: t - previous };
    previous = t;
    const loader = /load \/(?:[^\s]*\/)?([^/\s]+)\.json → .*\bsuccess\b.* in (\d+)ms/.exec(body);
    if (loader) log.loaders.push({ name: loader[1], seconds: Number(loader[2]) / 1000 });
  }
  log.steps.sort((a, b) => b.seconds - a.seconds);
  return log;
}

/** What the account pages (issue 15) add to a build: their own SQL steps, their two datasets, placing their shard files. */
export interface AccountPagesCost {
  sqlSeconds: number;
  datasetSeconds: number;
  placingSeconds: number;
  seconds: number;
  /** seconds ÷ (the build's time − seconds): how much longer the build is with the account pages than without. */
  share: number;
}

/** The account pages' cost in a build: steps named account_*, datasets account and account-names, the shard files placed. */
export function accountPagesCost(log: BuildLog, buildSeconds: number): AccountPagesCost {
  const sqlSeconds = log.steps.filter((s) => s.name.startsWith("account_")).reduce((n, s) => n + s.seconds, 0);
  const datasetSeconds = log.datasets.filter((d) => d.name === "account" || d.name === "account-names").reduce((n, d) => n + d.seconds, 0);
  const placingSeconds = log.placed?.seconds ?? 0;
  const seconds = sqlSeconds + datasetSeconds + placingSeconds;
  return { sqlSeconds, datasetSeconds, placingSeconds, seconds, share: seconds / (buildSeconds - seconds) };
}

/** The figures kept of one run. */
export interface RunFigures { seconds: number; peakRssBytes: number; peakProcesses: number; exitCode: number }

/** A build's figures: what it recomputed, and its phases' times and peak RSS (staging, loaders, the rest of Framework). */
export interface BuildFigures extends RunFigures {
  recomputed: string[];
  stepsRebuilt: number;
  /** Wall time of each dataset loader process Framework ran (one at a time). */
  loaders: { name: string; seconds: number }[];
  phases: { name: string; seconds: number; peakRssBytes: number }[];
}

/** The figures of a measured run. */
export function runFigures(m: Measured): RunFigures {
  return { seconds: m.seconds, peakRssBytes: m.peakRssBytes, peakProcesses: m.peakProcesses, exitCode: m.exitCode };
}

/** The figures of a measured build, its phases split where its log says staging and the loaders ended. */
export function buildFigures(m: Measured): { figures: BuildFigures; log: BuildLog } {
  const log = parseBuildLog(m.lines);
  const staged = log.stagedAt ?? m.seconds;
  const loaded = Math.max(staged, log.loadersDoneAt ?? staged);
  const phase = (name: string, from: number, to: number) => ({ name, seconds: to - from, peakRssBytes: peakBetween(m.samples, from, to) });
  const phases = [phase("staging", 0, staged), phase("until the last loader is done", staged, loaded), phase("rest of Framework", loaded, m.seconds + 1)];
  phases[2].seconds = m.seconds - loaded;
  return { figures: { ...runFigures(m), recomputed: log.recomputed, stepsRebuilt: log.steps.length, loaders: log.loaders, phases }, log };
}

/** The RSS samples reduced to one per second (the largest): [second, bytes, processes]. */
export function perSecond(samples: Sample[]): [number, number, number][] {
  const out = new Map<number, [number, number, number]>();
  for (const s of samples) {
    const k = Math.floor(s.t), cur = out.get(k);
    out.set(k, [k, Math.max(cur?.[1] ?? 0, s.bytes), Math.max(cur?.[2] ?? 0, s.procs)]);
  }
  return [...out.values()];
}
