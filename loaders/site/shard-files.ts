/**
 * The shard files of sharded datasets (loaders/datasets/shards.ts) go into the built site from the wrapper, not
 * through Framework. Pages fetch shards by URL (never through FileAttachment), so Framework has nothing to rewrite
 * in them; listed in its dynamicPaths, it ran the archive loader and re-read an archive from its start for every
 * one of them: 590 files at 20,000 accounts took it about 7 s, where unpacking each archive once here takes well
 * under one. They are written into the new version folder before it is published (publish.ts), so a reader never
 * sees a site whose pages and shards disagree; `npm run dev` serves them from the archives as before (_file/).
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { DATASETS } from "../datasets/index.ts";
import { type ShardIndex, untar } from "../datasets/shards.ts";

/** Writes every shard of every sharded dataset in `datasets` (the precomputed folder) under `<output>/data/`; returns how many. */
export function placeShardFiles(datasets: string, output: string): number {
  let written = 0;
  for (const { name } of DATASETS.filter((d) => d.shards)) {
    const index: ShardIndex = JSON.parse(readFileSync(join(datasets, `${name}.json`), "utf8"));
    const wanted = new Set(index.paths);
    for (const archive of index.archives) {
      for (const [member, body] of untar(readFileSync(join(datasets, name, `${archive}.tar`)))) {
        const path = `/data/${name}/${archive}/${member}`;
        if (!wanted.delete(path)) continue; // the archive's whole tables (index.json): Framework publishes those
        mkdirSync(dirname(join(output, path)), { recursive: true });
        writeFileSync(join(output, path), body);
        written++;
      }
    }
    // A shard the index lists but no archive holds would be a page that cannot load: never publish that.
    if (wanted.size) throw new Error(`dataset ${name}: ${wanted.size} shard file(s) missing from its archives, e.g. ${[...wanted][0]}`);
  }
  return written;
}
