/** `npm run clean`: removes the built site, the warehouses and Framework's loader cache. */
import { rmSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "../engine/fingerprint.ts";

for (const p of ["dist", ".3r", join("src", ".observablehq", "cache")]) {
  rmSync(join(ROOT, p), { recursive: true, force: true });
  console.log(`removed ${p}`);
}
