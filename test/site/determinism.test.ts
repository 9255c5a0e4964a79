/**
 * Determinism: two exports of the same inputs, each from a fresh warehouse
 * (nothing reused), give byte-identical datasets.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../../loaders/engine/fingerprint.ts";
import { TSX } from "../helpers/site.ts";

function report(): string {
  const dir = mkdtempSync(join(tmpdir(), "3r-det-"));
  const r = spawnSync(process.execPath, [TSX, "loaders/cli/report.ts", "--out", join(dir, "out")], {
    cwd: ROOT, encoding: "utf8", env: { ...process.env, THREER_STATE: join(dir, "state") },
  });
  if (r.status !== 0) throw new Error(r.stderr);
  return join(dir, "out");
}

describe("determinism", () => {
  it("two exports of the sample book from fresh warehouses are byte-identical", () => {
    const a = report();
    const b = report();
    const files = readdirSync(a).sort();
    expect(files.filter((f) => f.endsWith(".json")).length).toBeGreaterThan(1);
    expect(readdirSync(b).sort()).toEqual(files);
    for (const f of files) expect(readFileSync(join(b, f)).equals(readFileSync(join(a, f))), f).toBe(true);
    rmSync(join(a, ".."), { recursive: true, force: true });
    rmSync(join(b, ".."), { recursive: true, force: true });
  }, 600_000);
});
