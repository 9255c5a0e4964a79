/**
 * Peak resident memory of a whole process tree. `npm run build` is several
 * processes (tsx, its node child, Framework, one node per data loader, DuckDB
 * threads inside them), so the root's own RSS says little: every ~100 ms we
 * find the root's descendants through /proc/<pid>/stat parent links and keep
 * the largest SUM of their VmRSS seen. Linux only.
 */
import { readdirSync, readFileSync } from "node:fs";

/** pid and parent pid from the text of /proc/<pid>/stat. */
export function parseStat(text: string): { pid: number; ppid: number } | null {
  // The command name (field 2) is in parentheses and may itself hold spaces and ")": split after the LAST ")".
  const close = text.lastIndexOf(")");
  if (close < 0) return null;
  const pid = Number.parseInt(text, 10);
  const rest = text.slice(close + 2).split(" ");
  const ppid = Number(rest[1]);
  return Number.isInteger(pid) && Number.isInteger(ppid) ? { pid, ppid } : null;
}

/** CPU seconds (user + system) a process has used, from the text of /proc/<pid>/stat (fields 14 and 15, in clock ticks of 1/100 s). */
export function parseCpuSeconds(text: string, ticksPerSecond = 100): number {
  const rest = text.slice(text.lastIndexOf(")") + 2).split(" ");
  const ticks = Number(rest[11]) + Number(rest[12]);
  return Number.isFinite(ticks) ? ticks / ticksPerSecond : 0;
}

/** VmRSS in bytes from the text of /proc/<pid>/status (0 when absent, as for a zombie). */
export function parseVmRss(text: string): number {
  const m = /^VmRSS:\s+(\d+)\s+kB/m.exec(text);
  return m ? Number(m[1]) * 1024 : 0;
}

/** The root and every process descending from it, given each process's parent. */
export function descendants(root: number, parents: Map<number, number>): Set<number> {
  const children = new Map<number, number[]>();
  for (const [pid, ppid] of parents) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  const out = new Set<number>([root]);
  const todo = [root];
  while (todo.length) for (const c of children.get(todo.pop()!) ?? []) if (!out.has(c)) { out.add(c); todo.push(c); }
  return out;
}

function read(path: string): string | null {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return null; // the process ended between listing and reading
  }
}

/** Current summed RSS (bytes) of a process tree, how many processes it has, and the CPU seconds they have used so far. */
export function treeRss(root: number): { bytes: number; procs: number; cpuSeconds: number } {
  const parents = new Map<number, number>();
  const stats = new Map<number, string>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    const s = read(`/proc/${name}/stat`);
    const p = s && parseStat(s);
    if (p) {
      parents.set(p.pid, p.ppid);
      stats.set(p.pid, s);
    }
  }
  const tree = descendants(root, parents);
  let bytes = 0, cpuSeconds = 0;
  for (const pid of tree) {
    bytes += parseVmRss(read(`/proc/${pid}/status`) ?? "");
    cpuSeconds += parseCpuSeconds(stats.get(pid) ?? "");
  }
  return { bytes, procs: tree.size, cpuSeconds };
}

/**
 * One sample: seconds since sampling began, summed RSS, processes in the tree, and their CPU seconds so far
 * (a process that has exited no longer counts: the largest value seen is a lower bound of the run's CPU time).
 */
export interface Sample { t: number; bytes: number; procs: number; cpuSeconds?: number }

/** The largest sum in samples whose time lies in [from, to). */
export function peakBetween(samples: Sample[], from = 0, to = Infinity): number {
  return samples.reduce((m, s) => (s.t >= from && s.t < to && s.bytes > m ? s.bytes : m), 0);
}

/** Samples a tree's RSS until stopped; `stop()` returns every sample taken. */
export function sampleTree(root: number, everyMs = 100): { stop: () => Sample[] } {
  const t0 = performance.now();
  const samples: Sample[] = [];
  const tick = () => samples.push({ t: (performance.now() - t0) / 1000, ...treeRss(root) });
  tick();
  const timer = setInterval(tick, everyMs);
  return {
    stop: () => {
      clearInterval(timer);
      return samples;
    },
  };
}
