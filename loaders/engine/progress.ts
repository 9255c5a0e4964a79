/** Progress messages on stderr (stdout carries data for loaders). */
export type Log = (message: string) => void;

/** A logger that prefixes messages and the elapsed time; THREER_QUIET=1 silences it. */
export function progress(prefix = "3r"): Log {
  const start = Date.now();
  return (message) => {
    if (process.env.THREER_QUIET === "1") return;
    const s = ((Date.now() - start) / 1000).toFixed(1).padStart(5);
    process.stderr.write(`[${prefix} ${s}s] ${message}\n`);
  };
}

/** A logger that drops everything. */
export const silent: Log = () => {};
