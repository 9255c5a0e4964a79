/**
 * Debian's Chromium for the browser tests. On a fresh machine it is installed
 * with apt-get when we are root (as CI is); otherwise the test says how.
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";

const CANDIDATES = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].filter(Boolean) as string[];

/** The path of a Chromium binary, installing Debian's package if we can. */
export function chromiumPath(): string {
  let found = CANDIDATES.find((p) => existsSync(p));
  if (!found && process.getuid?.() === 0 && existsSync("/usr/bin/apt-get")) {
    process.stderr.write("[test] installing Debian's chromium for the browser tests (apt-get)…\n");
    execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
    execFileSync("apt-get", ["install", "-y", "-qq", "chromium"], { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
    found = CANDIDATES.find((p) => existsSync(p));
  }
  if (!found) throw new Error("the browser tests need Chromium: apt-get install -y chromium (or set CHROMIUM_PATH)");
  return found;
}

/** Launches headless Chromium (Playwright gives it a fresh temporary profile) with no background networking. */
export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync"],
  });
}
