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

/**
 * How long a page may take to load or an element to appear before Playwright gives up: a hang guard, not a
 * speed requirement (Playwright's own default, 30 s, is reached on a busy 2-core machine while builds run beside).
 */
export const PAGE_WAIT = 300_000;
/** How long the tests wait for every chart to draw before counting those that did not: a hang guard too. */
export const CHART_WAIT = 120_000;

/** Launches headless Chromium (Playwright gives it a fresh temporary profile) with no background networking. */
export async function launch(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync"],
  });
  // Every page the tests open, in a context of their own or not, waits up to PAGE_WAIT.
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context = await newContext(options);
    context.setDefaultTimeout(PAGE_WAIT);
    return context;
  };
  const newPage = browser.newPage.bind(browser);
  browser.newPage = async (options) => {
    const page = await newPage(options);
    page.context().setDefaultTimeout(PAGE_WAIT);
    page.setDefaultTimeout(PAGE_WAIT);
    return page;
  };
  return browser;
}
