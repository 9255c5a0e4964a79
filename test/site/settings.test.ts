// The settings a build hands Framework as they become known (loaders/site/settings.ts): the config waits for each.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { type SiteSettings, siteSettingsWhen, writeSiteSettings } from "../../loaders/site/settings.ts";

const dir = mkdtempSync(join(tmpdir(), "3r-settings-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const pending: SiteSettings = { title: "T", footer: null, output: "out", datasets: "ds", csmPages: null, ready: false };

describe("siteSettingsWhen", () => {
  it("is null when Framework runs on its own (no settings named)", async () => {
    expect(await siteSettingsWhen((s) => s.ready, {}, true)).toBeNull();
  });

  it("answers at once when the settings already hold", async () => {
    const path = join(dir, "ready.json");
    writeSiteSettings(path, { ...pending, footer: "F", csmPages: ["/csm/a"], ready: true });
    const s = await siteSettingsWhen((s) => s.ready, { THREER_SITE: path }, true);
    expect(s?.csmPages).toEqual(["/csm/a"]);
  });

  it("waits for each fact the build writes later, in the order it writes them", async () => {
    const path = join(dir, "later.json");
    writeSiteSettings(path, pending);
    const seen: string[] = [];
    const footer = siteSettingsWhen((s) => s.footer !== null, { THREER_SITE: path }, true).then((s) => { seen.push(`footer ${s?.footer}`); });
    const ready = siteSettingsWhen((s) => s.ready, { THREER_SITE: path }, true).then((s) => { seen.push(`ready ${s?.csmPages?.join()}`); });
    await new Promise((r) => setTimeout(r, 150));
    expect(seen).toEqual([]);
    writeSiteSettings(path, { ...pending, footer: "As of 2026-09-30" });
    await footer;
    await new Promise((r) => setTimeout(r, 150));
    expect(seen).toEqual(["footer As of 2026-09-30"]);
    writeSiteSettings(path, { ...pending, footer: "As of 2026-09-30", csmPages: ["/csm/b"], ready: true });
    await ready;
    expect(seen).toEqual(["footer As of 2026-09-30", "ready /csm/b"]);
  });

  it("tells a reader that cannot wait (not started by the wrapper) that a build is still writing them", async () => {
    const path = join(dir, "pending.json");
    writeSiteSettings(path, pending);
    await expect(siteSettingsWhen((s) => s.ready, { THREER_SITE: path }, false)).rejects.toThrow(/a build is still writing these settings/);
  });
});
