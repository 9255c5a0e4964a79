/**
 * The per-CSM pages (src/csm/[csm].md) to build: one path per slug in relationship_csms.
 * observablehq.config.ts lists them through `dynamicPaths`. Read from the warehouse the build
 * wrapper staged (or, when Framework runs on its own, staged now), so the list always matches
 * the data the pages load.
 */
import { loadConfig } from "../engine/config.ts";
import { openForRead } from "../datasets/emit.ts";

/** Page paths `/csm/<slug>`, sorted; none (with a note on stderr) when the warehouse cannot be read. */
export async function csmPagePaths(): Promise<string[]> {
  try {
    const db = await openForRead(loadConfig());
    try {
      const rows = await db.rows<{ slug: string }>("select slug from relationship_csms order by slug");
      return rows.map((r) => `/csm/${r.slug}`);
    } finally {
      db.close();
    }
  } catch (err) {
    process.stderr.write(`[3r] no CSM pages: ${(err as Error).message.split("\n")[0]}\n`);
    return [];
  }
}
