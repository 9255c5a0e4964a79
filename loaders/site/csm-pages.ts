/**
 * The per-CSM pages (src/csm/[csm].md) to build: one path per slug in relationship_csms.
 * The wrappers read them with the datasets, under the same lock, and pass them to Framework
 * (settings.ts), whose config lists them through `dynamicPaths`; so the list always matches the
 * data the pages load.
 */
import type { Db } from "../engine/db.ts";

/** Page paths `/csm/<slug>`, sorted. */
export async function csmPagePaths(db: Db): Promise<string[]> {
  const rows = await db.rows<{ slug: string }>("select slug from relationship_csms order by slug");
  return rows.map((r) => `/csm/${r.slug}`);
}
