/** `npm run clean`: removes the built site (and its versions), the warehouses and Framework's loader cache. */
import { rmSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "../engine/fingerprint.ts";

// dist is a link to the latest build in dist.versions (loaders/site/publish.ts): both go.
for (const p of ["dist", "dist.versions", ".3r", join("src", ".observablehq", "cache")]) {
  rmSync(join(ROOT, p), { recursive: true, force: true });
  console.log(`removed ${p}`);
}
