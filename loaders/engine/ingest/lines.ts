/**
 * Maps a raw record (its rowid) to its line in the file. For Parquet and JSON
 * the record number is the line (+2: the header is line 1). A CSV record can
 * span lines (a quoted field with a line break) and the reader skips
 * malformed lines, so for CSV we scan the file once, quote-aware, but only
 * when a problem needs a line, and only as far as the last record needed.
 */
import { createReadStream } from "node:fs";
import { createGunzip } from "node:zlib";
import type { Format } from "./discover.ts";

/** Where records start, in file lines. */
export interface LineMaps {
  /** raw rowid → line */
  recs: Map<number, number>;
  /** the CSV reader's record ordinal (header = 1), as it reports malformed lines → line */
  ordinals: Map<number, number>;
}

/**
 * Start lines of the raw records `recs` and of the reader's record ordinals
 * `ordinals`. `malformed` are the ordinals the reader rejected (they have no
 * rowid, so later rowids shift past them). `quotes`: whether the reader took
 * double quotes as quotes (it does not when they are unbalanced).
 */
export async function recordLines(path: string, format: Format, malformed: number[], recs: number[], ordinals: number[] = [], quotes = true): Promise<LineMaps> {
  const out: LineMaps = { recs: new Map(), ordinals: new Map() };
  if (recs.length === 0 && ordinals.length === 0) return out;
  if (format !== "csv") {
    for (const r of recs) out.recs.set(r, r + 2);
    for (const o of ordinals) out.ordinals.set(o, o);
    return out;
  }
  const wantedRecs = new Set(recs);
  const wantedOrdinals = new Set(ordinals);
  const lastRec = recs.length ? Math.max(...recs) : -1;
  const lastOrdinal = ordinals.length ? Math.max(...ordinals) : 0;
  const skip = new Set(malformed);
  let line = 1;
  let recordStart = 1;
  let inQuotes = false;
  let blank = true;
  let ordinal = 0;
  let rec = -1;
  /** A record ended: note where it started; true when nothing more is needed. */
  const endRecord = (): boolean => {
    if (blank) return false;
    ordinal++;
    if (wantedOrdinals.has(ordinal)) out.ordinals.set(ordinal, recordStart);
    if (ordinal > 1 && !skip.has(ordinal)) {
      rec++;
      if (wantedRecs.has(rec)) out.recs.set(rec, recordStart);
    }
    return rec >= lastRec && ordinal >= lastOrdinal;
  };
  const stream = path.endsWith(".gz") ? createReadStream(path).pipe(createGunzip()) : createReadStream(path);
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      for (let i = 0; i < chunk.length; i++) {
        const ch = chunk[i];
        if (ch === 0x22 && quotes) inQuotes = !inQuotes;
        if (ch === 0x0a) {
          line++;
          if (inQuotes) continue;
          if (endRecord()) return out;
          recordStart = line;
          blank = true;
        } else if (ch !== 0x0d) {
          blank = false;
        }
      }
    }
    endRecord();
    return out;
  } finally {
    (stream as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
  }
}
