/**
 * One way to run Observable Framework, shared by `npm run build` and `npm run dev`: its CLI in a
 * child process that is the leader of its own process group and ends with the wrapper
 * (framework-child.js), with the site settings named by the one variable THREER_SITE. Framework starts once the
 * browser bundles of our node_modules imports are there (node-bundles.ts); a build starts it beside its staging.
 */
import { spawn } from "node:child_process";
import type { Readable, Writable } from "node:stream";
import { constants } from "node:os";
import { join } from "node:path";
import { ROOT } from "../engine/fingerprint.ts";
import type { Log } from "../engine/progress.ts";
import { nodeBundles } from "./node-bundles.ts";
import { SITE_ENV } from "./settings.ts";

/** A Framework process started by `startFramework`. */
export interface FrameworkRun {
  /** Its exit code, once it has ended. */
  exited: Promise<number>;
  /** Ends it and any loader it runs (a build whose data failed); `exited` then settles. */
  stop(): void;
}

/** Runs `observable <args>` (build, preview …) with the settings file at `settingsPath`; resolves to its exit code. */
export async function runFramework(args: string[], settingsPath: string, log: Log): Promise<number> {
  return (await startFramework(args, settingsPath, log)).exited;
}

/**
 * Starts `observable <args>` with the settings file at `settingsPath`, once the browser bundles are there (Framework
 * looks for them as it reads the first page). A build starts it before its data is ready: see settings.ts.
 */
export async function startFramework(args: string[], settingsPath: string, log: Log, { wholeLines = false } = {}): Promise<FrameworkRun> {
  const bundled = await nodeBundles(ROOT);
  if (bundled.names.length) log(`${bundled.names.join(" and ")} bundled for the browser in ${bundled.seconds.toFixed(1)}s`);
  const child = spawn(process.execPath, [join(ROOT, "loaders", "site", "framework-child.js"), ...args], {
    cwd: ROOT,
    // Its own group, so it can end its loaders with it; the IPC channel tells it when the wrapper is gone.
    detached: true,
    stdio: ["inherit", wholeLines ? "pipe" : "inherit", wholeLines ? "pipe" : "inherit", "ipc"],
    env: {
      ...process.env,
      [SITE_ENV]: settingsPath,
      OBSERVABLE_TELEMETRY_DISABLE: "1",
      // Framework runs .ts loaders (stubs other than .js) with the tsx on PATH.
      PATH: `${join(ROOT, "node_modules", ".bin")}:${process.env.PATH}`,
      // Through our pipe, Framework keeps its colours where our own output has them.
      ...(wholeLines && process.stdout.isTTY && !process.env.NO_COLOR ? { FORCE_COLOR: "1" } : {}),
    },
  });
  // Framework writes "load /page " and later "in 90ms": passed on a whole line at a time, its lines and the
  // wrapper's progress (written meanwhile when Framework runs beside the staging) do not cut into each other.
  if (wholeLines) {
    passLines(child.stdout!, process.stdout);
    passLines(child.stderr!, process.stderr);
  }
  log(`Framework ${args[0]} started (process ${child.pid})`);
  const killGroup = (signal: NodeJS.Signals) => { try { process.kill(-child.pid!, signal); } catch { /* gone */ } };
  // Ctrl-C reaches the wrapper, not Framework's own group: pass it on.
  const forward = (signal: NodeJS.Signals) => () => { killGroup(signal); process.exit(128 + constants.signals[signal]); };
  const onInt = forward("SIGINT");
  const onTerm = forward("SIGTERM");
  process.once("SIGINT", onInt);
  process.once("SIGTERM", onTerm);
  const exited = new Promise<number>((done, fail) => {
    child.on("error", fail);
    child.on("close", (code) => {
      process.off("SIGINT", onInt);
      process.off("SIGTERM", onTerm);
      done(code ?? 1);
    });
  });
  return { exited, stop: () => killGroup("SIGKILL") };
}

/** Copies `from` to `to` a whole line at a time (what is left unterminated goes when `from` ends). */
export function passLines(from: Readable, to: Writable): void {
  let rest = "";
  from.setEncoding("utf8");
  from.on("data", (chunk: string) => {
    const text = rest + chunk;
    const end = text.lastIndexOf("\n");
    if (end >= 0) to.write(text.slice(0, end + 1));
    rest = text.slice(end + 1);
  });
  from.on("end", () => { if (rest) to.write(rest); });
}
