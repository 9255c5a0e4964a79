/**
 * The bundled sample book (data/, with 3r.config.json) staged as `npm run build` stages it. Staging it costs
 * ~9 s of CPU and several files read it, so the run stages it once (shared.ts) and each file starts from a
 * copy of that warehouse in its own state folder, then runs the same ingest: every step's fingerprint matches,
 * so nothing is re-staged unless something differs (then that step is rebuilt, as in any build). Each file
 * has its own warehouse, open read-only or read-write as it likes.
 */
import { cpSync, existsSync } from "node:fs";
import { join } from "node:path";
import { type Config, loadConfig } from "../../loaders/engine/config.ts";
import { ROOT } from "../../loaders/engine/fingerprint.ts";
import { silent } from "../../loaders/engine/progress.ts";
import { type Ingest, ingest } from "../../loaders/engine/warehouse.ts";
import { shared } from "./shared.ts";

export const SAMPLE_DATA = join(ROOT, "data");
/** Whether the sample book is there (it is committed; a file skips its sample tests without it). */
export const samplePresent = existsSync(join(SAMPLE_DATA, "accounts.parquet"));

const sampleConfig = (stateDir: string) => loadConfig({ config: join(ROOT, "3r.config.json"), data: SAMPLE_DATA, stateDir });

/** The run's staged sample: a state folder (THREER_STATE) holding its warehouse. Copy it before writing to it. */
export function sampleState(): Promise<string> {
  return shared("sample-state", async (dir) => {
    const staged = await ingest(sampleConfig(dir), silent);
    if (staged.fatal.length) throw new Error(`the sample book did not stage: ${JSON.stringify(staged.fatal)}`);
  });
}

/** Stages the sample into `stateDir` (from a copy of the run's staged sample); the config and the ingest result. */
export async function ingestSample(stateDir: string): Promise<{ config: Config; staged: Ingest }> {
  cpSync(await sampleState(), stateDir, { recursive: true });
  const config = sampleConfig(stateDir);
  return { config, staged: await ingest(config, silent) };
}
