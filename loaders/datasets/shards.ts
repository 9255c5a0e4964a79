/**
 * Sharded datasets: one dataset published as many small files, so a page about one entity (an account)
 * downloads one shard instead of the whole book. The build wrapper computes them (precomputeShards) into tar
 * archives of 64 shards, `<datasets>/<name>/a<k>.tar`. The page reads `<name>/a0/index.json` through FileAttachment
 * (Framework unpacks it from archive a0 via the stub `src/data/<name>/[archive].tar.js`) and fetches
 * `<name>/a<k>/shard-<n>.json` by URL: `npm run build` writes those files into the site itself
 * (loaders/site/shard-files.ts), and `npm run dev`'s preview serves them from the archives under _file/.
 */
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Db } from "../engine/db.ts";
import { computeDataset, type DatasetFile } from "./emit.ts";
import { emptyTableText, shardTableTexts } from "./shard-json.ts";
import type { DatasetDef, ShardSpec } from "./define.ts";

/** The file name of shard n, and the name of archive k. */
export const shardMember = (n: number) => `shard-${n}.json`;
export const archiveName = (k: number) => `a${k}`;

function specOf(def: DatasetDef): ShardSpec {
  if (!def.shards) throw new Error(`dataset ${def.name} is not sharded`);
  return def.shards;
}

/** A POSIX tar archive of files (name → text or bytes): fixed mode and times, so equal content gives equal bytes. */
export function tar(files: Record<string, string | Uint8Array>): Buffer {
  const blocks: Buffer[] = [];
  for (const [name, text] of Object.entries(files)) {
    const body = typeof text === "string" ? Buffer.from(text, "utf8") : Buffer.from(text.buffer, text.byteOffset, text.byteLength);
    if (Buffer.byteLength(name) > 100) throw new Error(`tar: member name too long: ${name}`);
    const h = Buffer.alloc(512);
    h.write(name, 0, "utf8");
    h.write("0000644\0", 100);
    h.write("0000000\0", 108);
    h.write("0000000\0", 116);
    h.write(body.length.toString(8).padStart(11, "0") + "\0", 124);
    h.write("00000000000\0", 136);
    h.write("        ", 148); // the checksum is computed with its own field as spaces
    h.write("0", 156);
    h.write("ustar\0" + "00", 257);
    const sum = h.reduce((a, b) => a + b, 0);
    h.write(sum.toString(8).padStart(6, "0") + "\0 ", 148);
    blocks.push(h, body, Buffer.alloc((512 - (body.length % 512)) % 512));
  }
  blocks.push(Buffer.alloc(1024));
  return Buffer.concat(blocks);
}

/** The members of a tar archive written by `tar` (name → bytes), in order. */
export function untar(archive: Buffer): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (let at = 0; at + 512 <= archive.length;) {
    const h = archive.subarray(at, at + 512);
    if (h[0] === 0) break; // the two zero blocks that end it
    const name = h.subarray(0, 100).toString("utf8").replace(/\0.*$/s, "");
    const size = Number.parseInt(h.subarray(124, 136).toString("ascii").replace(/\0.*$/s, "").trim(), 8);
    if (!Number.isFinite(size) || at + 512 + size > archive.length) throw new Error(`untar: member ${JSON.stringify(name)} is cut short`);
    out.set(name, archive.subarray(at + 512, at + 512 + size));
    at += 512 + Math.ceil(size / 512) * 512;
  }
  return out;
}

/** Every key's shard and archive, in key order. */
async function shardRows(db: Db, spec: ShardSpec): Promise<{ key: string; shard: number; archive: number }[]> {
  const rows = await db.rows(`select ${spec.key}::varchar as key, shard::integer as shard, archive::integer as archive from (${spec.sql}) order by ${spec.key}`);
  return rows.map((r) => ({ key: String(r.key), shard: Number(r.shard), archive: Number(r.archive) }));
}

/** The whole tables: one file per entry of `files` (they travel in archive a0, which exists even for an empty book). */
async function computeWhole(db: Db, def: DatasetDef, spec: ShardSpec): Promise<Record<string, DatasetFile>> {
  const whole = new Set(Object.values(spec.files).flat());
  const file = await computeDataset(db, { ...def, tables: Object.fromEntries(Object.entries(def.tables).filter(([t]) => whole.has(t))) });
  return Object.fromEntries(Object.entries(spec.files).map(([f, tables]) => [`${f}.json`, { ...file, tables: Object.fromEntries(tables.map((t) => [t, file.tables[t]])) }]));
}

/**
 * Every archive's files, archive number → file name → JSON text: each shard in its archive, written by DuckDB table
 * by table for all shards at once (shard-json.ts); archive a0 also holds the whole tables (the page's index) and
 * exists even for an empty book.
 */
async function archiveTexts(db: Db, def: DatasetDef): Promise<Map<number, Record<string, string>>> {
  const spec = specOf(def);
  const whole = new Set(Object.values(spec.files).flat());
  const shardArchive = new Map((await shardRows(db, spec)).map((r) => [r.shard, r.archive]));
  const head = await computeWhole(db, def, spec);
  const archives = new Map<number, Record<string, string>>([[0, Object.fromEntries(Object.entries(head).map(([f, file]) => [f, JSON.stringify(file)]))]]);
  const split = Object.entries(def.tables).filter(([t]) => !whole.has(t));
  const texts = new Map<string, Map<number, string>>();
  // Two tables at a time, on two connections: one table's query keeps ~1.5 of 2 cores busy (string_agg in row
  // order), so at 20,000 accounts the 19 split tables took 4.0 s one after the other.
  const queue = [...split];
  const other = await db.fork();
  try {
    await Promise.all([db, other].map(async (conn) => {
      for (let next = queue.shift(); next; next = queue.shift()) texts.set(next[0], await shardTableTexts(conn, def, spec, next[0], next[1]));
    }));
  } finally {
    other.close();
  }
  const { dataset, title, asOf, currency } = Object.values(head)[0] ?? await computeDataset(db, { ...def, tables: {} });
  const prefix = `${JSON.stringify({ dataset, title, asOf, currency }).slice(0, -1)},"tables":{`;
  for (const [n, k] of [...shardArchive].sort((a, b) => a[0] - b[0])) {
    const body = split.map(([t, d]) => `${JSON.stringify(t)}:${texts.get(t)!.get(n) ?? emptyTableText(d)}`).join(",");
    if (!archives.has(k)) archives.set(k, {});
    archives.get(k)![shardMember(n)] = `${prefix}${body}}}`;
  }
  return archives;
}

/** The files of archive `a<k>`, file name → DatasetFile (parsed back from what precomputeShards writes). */
export async function computeArchive(db: Db, def: DatasetDef, archive: string): Promise<Record<string, DatasetFile>> {
  const k = /^a(\d+)$/.exec(archive) ? Number(archive.slice(1)) : NaN;
  const files = (await archiveTexts(db, def)).get(k);
  if (!files) throw new Error(`dataset ${def.name}: no archive ${JSON.stringify(archive)} (archives are a0, a1, …)`);
  return Object.fromEntries(Object.entries(files).map(([f, text]) => [f, JSON.parse(text)]));
}

/** The loader stub of a sharded dataset: `src/data/<name>/[archive].tar.js` copies one precomputed archive. */
export const SHARD_STUB = "[archive].tar.js";

/** What precompute writes as `<name>.json` for a sharded dataset: its archives, and the shard files pages may fetch. */
export interface ShardIndex {
  archives: string[];
  /** `/data/<name>/a<k>/shard-<n>.json`: pages fetch shards by URL, and the build wrapper places them there (site/shard-files.ts). */
  paths: string[];
}

/**
 * Computes every archive of sharded dataset `def` into `<dir>/<name>/a<k>.tar` (in the build wrapper's process, like
 * every dataset) and returns its index. Archive a0 always exists: it carries the whole tables.
 */
export async function precomputeShards(db: Db, def: DatasetDef, dir: string): Promise<ShardIndex> {
  const archives = await archiveTexts(db, def);
  mkdirSync(join(dir, def.name), { recursive: true });
  const paths: string[] = [];
  for (const [k, files] of [...archives].sort((a, b) => a[0] - b[0])) {
    const path = join(dir, def.name, `${archiveName(k)}.tar`);
    writeFileSync(`${path}.tmp`, tar(files));
    renameSync(`${path}.tmp`, path);
    for (const f of Object.keys(files)) if (f.startsWith("shard-")) paths.push(`/data/${def.name}/${archiveName(k)}/${f}`);
  }
  return { archives: [...archives.keys()].sort((a, b) => a - b).map(archiveName), paths };
}
