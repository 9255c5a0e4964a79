/**
 * What a publish keeps: a replaced version stays for REPLACED_KEPT_MS after its replacement, so a reader that
 * resolved `out` before a flip finds its files even when more builds publish meanwhile (two flips inside one
 * look of atomic-swap.test.ts once found the version it resolved deleted); older replaced versions go.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { currentVersion, newVersion, publishVersion, REPLACED_KEPT_MS } from "../../loaders/site/publish.ts";

const dir = mkdtempSync(join(tmpdir(), "3r-publish-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function publish(out: string, text: string): string {
  const v = newVersion(out);
  mkdirSync(v, { recursive: true });
  writeFileSync(join(v, "index.html"), text);
  publishVersion(out, v);
  return v;
}

describe("publishVersion", () => {
  it("keeps every version replaced within REPLACED_KEPT_MS, and deletes those replaced earlier", () => {
    const out = join(dir, "site");
    const [v1, v2, v3] = ["one", "two", "three"].map((t) => publish(out, t));
    expect(currentVersion(out)).toBe(v3);
    expect(readFileSync(join(out, "index.html"), "utf8")).toBe("three");
    // v1 was replaced two flips ago, a moment ago: a reader that resolved it then still finds it
    expect(readFileSync(join(v1, "index.html"), "utf8")).toBe("one");
    expect(existsSync(v2)).toBe(true);

    // v1's replacement now lies further back than the time kept
    const past = (Date.now() - REPLACED_KEPT_MS - 1000) / 1000;
    utimesSync(join(v1, ".3r-replaced"), past, past);
    const v4 = publish(out, "four");
    expect(existsSync(v1)).toBe(false);
    expect([v2, v3, v4].map(existsSync)).toEqual([true, true, true]);
    expect(readFileSync(join(out, "index.html"), "utf8")).toBe("four");
    // the published version carries no mark: only replaced ones do
    expect(existsSync(join(v4, ".3r-replaced"))).toBe(false);
  });
});
