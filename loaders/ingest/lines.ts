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

/** Start lines of the records at `recs` (raw rowids), as a map rec → line. */
export async function recordLines(path: string, format: Format, malformedLines: number[], recs: number[]): Promise<Map<number, number>> {
  const out = new Map<number, number>();
  if (recs.length === 0) return out;
  if (format !== "csv") {
    for (const r of recs) out.set(r, r + 2);
    return out;
  }
  const wanted = new Set(recs);
  const last = Math.max(...recs);
  const skip = new Set(malformedLines);
  let line = 1;
  let recordStart = 1;
  let inQuotes = false;
  let blank = true;
  let header = true;
  let rec = -1;
  const stream = path.endsWith(".gz") ? createReadStream(path).pipe(createGunzip()) : createReadStream(path);
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      for (let i = 0; i < chunk.length; i++) {
        const ch = chunk[i];
        if (ch === 0x22) inQuotes = !inQuotes;
        if (ch === 0x0a) {
          line++;
          if (inQuotes) continue;
          // A record ends here: count it unless it was the header, blank, or one the reader rejected.
          if (header) header = false;
          else if (!blank && !skip.has(recordStart)) {
            rec++;
            if (wanted.has(rec)) out.set(rec, recordStart);
            if (rec >= last) return out;
          }
          recordStart = line;
          blank = true;
        } else if (ch !== 0x0d) {
          blank = false;
        }
      }
    }
    if (!header && !blank && !skip.has(recordStart)) {
      rec++;
      if (wanted.has(rec)) out.set(rec, recordStart);
    }
    return out;
  } finally {
    (stream as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
  }
}
