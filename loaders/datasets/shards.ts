/**
 * Sharded datasets: one dataset published as many small files, so a page about one entity (an account)
 * downloads one shard instead of the whole book. Framework's loaders make one file each, and a process per
 * shard would cost a second or more apiece; so one loader (`src/data/<name>.tar.ts`) computes the dataset once
 * and writes a tar archive, which Framework unpacks at build time into plain JSON files (the browser never sees
 * the archive). The page reads `<name>/index.json` through FileAttachment and fetches `<name>/shard-<n>.json`
 * by URL; observablehq.config.ts lists the shard files in dynamicPaths (shardPaths below) so they are built.
 */
import { loadConfig } from "../engine/config.ts";
import type { Plain } from "../engine/db.ts";
import type { Columnar } from "./columnar.ts";
import { computeDataset, type DatasetFile, openForRead } from "./emit.ts";
import type { DatasetDef } from "./define.ts";
import { datasetByName } from "./index.ts";

/** The member name of shard n. */
export const shardMember = (n: number) => `shard-${n}.json`;

/**
 * Splits a computed dataset: every table named in `files` goes whole into that member; every other table is
 * split by its key column, each row into the shard of its key. A key missing from the map is an error (it
 * would make a row unreachable), and every shard from 0 to the largest exists, even if empty.
 */
export function splitDataset(def: DatasetDef, file: DatasetFile, shardOf: Map<string, number>): Record<string, DatasetFile> {
  const spec = def.shards;
  if (!spec) throw new Error(`dataset ${def.name} is not sharded`);
  const whole = new Set(Object.values(spec.files).flat());
  const count = shardOf.size ? Math.max(...shardOf.values()) + 1 : 1;
  const head = { dataset: file.dataset, title: file.title, asOf: file.asOf, currency: file.currency };
  const out: Record<string, DatasetFile> = {};
  for (const [member, tables] of Object.entries(spec.files)) {
    out[`${member}.json`] = { ...head, tables: Object.fromEntries(tables.map((t) => [t, file.tables[t]])) };
  }
  const shards: Record<string, Columnar>[] = Array.from({ length: count }, () => ({}));
  for (const [name, table] of Object.entries(file.tables)) {
    if (whole.has(name)) continue;
    const keys = table[spec.key];
    if (!keys) throw new Error(`dataset ${def.name}, table ${name}: no ${spec.key} column to shard by (or list the table in shards.files)`);
    const cols = Object.keys(table);
    for (const s of shards) s[name] = Object.fromEntries(cols.map((c) => [c, [] as Plain[]]));
    keys.forEach((k, i) => {
      const n = shardOf.get(String(k));
      if (n === undefined) throw new Error(`dataset ${def.name}, table ${name}, row ${i + 1}: ${spec.key} ${JSON.stringify(k)} has no shard`);
      for (const c of cols) shards[n][name][c].push(table[c][i]);
    });
  }
  shards.forEach((tables, n) => (out[shardMember(n)] = { ...head, tables }));
  return out;
}

/** A POSIX tar archive of files (name → content): fixed mode and times, so equal content gives equal bytes. */
export function tar(files: Record<string, string>): Buffer {
  const blocks: Buffer[] = [];
  for (const [name, text] of Object.entries(files)) {
    const body = Buffer.from(text, "utf8");
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

/** Key → shard for a sharded dataset, from the warehouse. */
async function shardMap(db: Awaited<ReturnType<typeof openForRead>>, def: DatasetDef): Promise<Map<string, number>> {
  const rows = await db.rows<{ key: string; shard: number }>(`select ${def.shards!.key}::varchar as key, shard::integer as shard from (${def.shards!.sql})`);
  return new Map(rows.map((r) => [r.key, Number(r.shard)]));
}

/** Everything a sharded dataset publishes, member name → DatasetFile. */
export async function computeShards(db: Awaited<ReturnType<typeof openForRead>>, def: DatasetDef): Promise<Record<string, DatasetFile>> {
  return splitDataset(def, await computeDataset(db, def), await shardMap(db, def));
}

/** For a `.tar.ts` loader stub: writes sharded dataset `name` as a tar archive to stdout. */
export async function emitShards(name: string): Promise<void> {
  const def = datasetByName(name);
  const db = await openForRead(loadConfig());
  try {
    const members = await computeShards(db, def);
    process.stdout.write(tar(Object.fromEntries(Object.entries(members).map(([m, f]) => [m, JSON.stringify(f)]))));
    process.stderr.write(`[3r] dataset ${name} computed: ${Object.keys(members).length} files\n`);
  } finally {
    db.close();
  }
}

/** The shard files Framework must build (for dynamicPaths): `/data/<name>/shard-<n>.json`; none when the warehouse cannot be read. */
export async function shardPaths(name: string): Promise<string[]> {
  try {
    const def = datasetByName(name);
    const db = await openForRead(loadConfig());
    try {
      const rows = await db.rows<{ n: number }>(`select coalesce(max(shard), 0)::integer as n from (${def.shards!.sql})`);
      return Array.from({ length: Number(rows[0].n) + 1 }, (_, i) => `/data/${name}/${shardMember(i)}`);
    } finally {
      db.close();
    }
  } catch (err) {
    process.stderr.write(`[3r] no ${name} shards: ${(err as Error).message.split("\n")[0]}\n`);
    return [];
  }
}
