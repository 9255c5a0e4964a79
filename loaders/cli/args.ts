/** A small `--name value` / `--flag` parser for the command-line tools. */
import { plainMessage } from "./plain-error.ts";

/** Parsed arguments: flags with values, boolean flags, and a usage error if any. */
export interface Args {
  values: Record<string, string>;
  flags: Set<string>;
}

/** Parses argv against the options a tool takes; an unknown option is an error that names the known ones. */
export function parseArgs(argv: string[], valued: string[], boolean: string[] = []): Args {
  const values: Record<string, string> = {};
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [name, inline] = a.startsWith("--") ? a.slice(2).split(/=(.*)/s, 2) : [null, null];
    if (name !== null && valued.includes(name)) {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new UsageError(`--${name} needs a value`);
      values[name] = v;
    } else if (name !== null && boolean.includes(name)) {
      flags.add(name);
    } else {
      const known = [...valued.map((v) => `--${v} VALUE`), ...boolean.map((b) => `--${b}`)].join(", ");
      throw new UsageError(`unknown argument ${JSON.stringify(a)}; this command takes ${known}`);
    }
  }
  return { values, flags };
}

/** A mistake in the command line. */
export class UsageError extends Error {}

/** Runs a CLI main function: every failure prints one plain message (no stack trace) and exits 1. */
export function runMain(main: () => Promise<number>): void {
  main().then((code) => process.exit(code), (err: Error) => {
    const known = err instanceof UsageError || ["ConfigError", "InputError", "ReportError"].includes(err?.constructor?.name);
    process.stderr.write(`${plainMessage(err, known)}\n`);
    process.exit(1);
  });
}
