/**
 * `npm run bench -- --only cold [--against <commit>] [--rounds 2]`: the cold build of the bundled sample,
 * this commit against another, side by side in one run. Each side is a git worktree of its commit (its own
 * code, pages and bundled sample; node_modules linked from this checkout), and each round runs
 * `npm run clean` then a timed `npm run build` in each, alternating which goes first, so that the load of the
 * machine falls on both alike. Uncommitted changes are not measured: the worktrees hold commits. Figures go
 * to .3r/bench/cold/cold.json and cold.md, the table to stdout.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "../../loaders/engine/fingerprint.ts";
import type { Log } from "../../loaders/engine/progress.ts";
import { median } from "./datasets.ts";
import { measure } from "./measure.ts";
import { bytes, machine } from "./report.ts";

/** One side of the comparison and its timed builds. */
export interface ColdSide { label: string; commit: string; builds: { seconds: number; peakRssBytes: number }[] }

const git = (...a: string[]) => execFileSync("git", a, { cwd: ROOT, encoding: "utf8" }).trim();

/** A detached worktree of `commit` at `dir`, with this checkout's node_modules linked in. */
function worktree(dir: string, commit: string): void {
  if (existsSync(dir)) {
    spawnSync("git", ["worktree", "remove", "--force", dir], { cwd: ROOT });
    rmSync(dir, { recursive: true, force: true });
  }
  git("worktree", "prune");
  git("worktree", "add", "--detach", dir, commit);
  symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"));
}

/** Runs the comparison; returns the report's text (also written to cold.md). */
export async function coldBuilds(against: string | undefined, rounds: number, log: Log): Promise<string> {
  const root = join(ROOT, ".3r", "bench", "cold");
  mkdirSync(join(root, "logs"), { recursive: true });
  let head: string;
  try {
    head = git("rev-parse", "--short", "HEAD");
  } catch {
    throw new Error("--only cold builds commits in git worktrees: run it in a git checkout");
  }
  const sides: ColdSide[] = [{ label: "this commit", commit: head, builds: [] }];
  if (against) sides.unshift({ label: "against", commit: git("rev-parse", "--short", `${against}^{commit}`), builds: [] });
  const dirs = sides.map((_, i) => join(root, `tree-${i}`));
  for (const [i, s] of sides.entries()) worktree(dirs[i], s.commit);
  if (git("status", "--porcelain")) log("note: this checkout has uncommitted changes; they are not measured (the worktree holds HEAD)");
  // Only what a newcomer's shell has: no setting of ours leaks into either side.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("THREER_"))) as Record<string, string>;
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const loadAvgAtStart = machine("").loadAvgAtStart;
  try {
    for (let r = 0; r < rounds; r++) {
      const order = r % 2 ? [...sides.keys()].reverse() : [...sides.keys()];
      for (const i of order) {
        const side = sides[i];
        const clean = spawnSync(npm, ["run", "clean"], { cwd: dirs[i], env, encoding: "utf8" });
        if (clean.status !== 0) throw new Error(`npm run clean failed at ${side.commit}:\n${clean.stderr}`);
        const m = await measure(npm, ["run", "build"], { cwd: dirs[i], env });
        writeFileSync(join(root, "logs", `${side.commit}-round${r + 1}.log`), m.lines.map((l) => `${l.t.toFixed(2).padStart(8)}  ${l.text}`).join("\n") + "\n");
        if (m.exitCode !== 0) throw new Error(`npm run build failed at ${side.commit} (exit ${m.exitCode}):\n${m.lines.slice(-20).map((l) => l.text).join("\n")}`);
        side.builds.push({ seconds: m.seconds, peakRssBytes: m.peakRssBytes });
        log(`round ${r + 1}, ${side.commit} (${side.label}): ${m.seconds.toFixed(1)} s`);
      }
    }
  } finally {
    for (const d of dirs) spawnSync("git", ["worktree", "remove", "--force", d], { cwd: ROOT });
  }
  writeFileSync(join(root, "cold.json"), JSON.stringify({ date: new Date().toISOString(), loadAvgAtStart, rounds, sides }, null, 2) + "\n");
  const text = coldReport(sides, rounds, loadAvgAtStart);
  writeFileSync(join(root, "cold.md"), text);
  return text;
}

/** The comparison as Markdown: each side's builds and median, and this commit's median as a share of the other's. */
export function coldReport(sides: ColdSide[], rounds: number, loadAvgAtStart: number[]): string {
  // No CPU column: the tree's CPU is summed over the processes alive at each sample, and an older build's
  // short-lived loader processes end between samples.
  const rows = sides.map((s) => `| ${s.commit} (${s.label}) | ${s.builds.map((b) => `${b.seconds.toFixed(1)} s`).join(" / ")} | **${median(s.builds.map((b) => b.seconds)).toFixed(1)} s** | ${bytes(Math.max(...s.builds.map((b) => b.peakRssBytes)))} |`);
  const lines = [
    `# Cold build of the bundled sample (${new Date().toISOString()})`, "",
    `${rounds} round${rounds === 1 ? "" : "s"} of \`npm run clean && npm run build\` in a worktree of each commit, alternating which goes first. Load average at start ${loadAvgAtStart.map((x) => x.toFixed(2)).join(" / ")}.`, "",
    "| commit | builds | median | peak RSS |", "|---|---|---|---|", ...rows, "",
  ];
  if (sides.length === 2) {
    const ratio = median(sides[1].builds.map((b) => b.seconds)) / median(sides[0].builds.map((b) => b.seconds));
    lines.push(`This commit's median is **${(ratio * 100).toFixed(0)}%** of ${sides[0].commit}'s (issue 19's target: at most 50%).`, "");
  }
  return lines.join("\n");
}
