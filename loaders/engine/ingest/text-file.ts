/**
 * What a CSV file's bytes are before DuckDB reads them: UTF-8 or not, one
 * line ending or a mix, a gzip stream that is complete or cut short. DuckDB's
 * reader fails or splits rows on each of these, so one pass here decides:
 * read the file as it is, read a repaired copy (Windows-1252 text turned into
 * UTF-8, CRLF turned into LF) with a notice, or refuse it with a located error.
 */
import { isAscii, isUtf8 } from "node:buffer";
import { createReadStream, createWriteStream } from "node:fs";
import { pipeline } from "node:stream/promises";
import { Transform } from "node:stream";
import { createGunzip } from "node:zlib";

/** Windows-1252's characters for bytes 0x80–0x9F (0 = byte undefined in Windows-1252). */
const CP1252_HIGH = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
  0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
];

/** Decodes Windows-1252 bytes (Node's own decoder treats that name as Latin-1, which misreads € ’ “ ” – —). */
export function decodeCp1252(bytes: Buffer): string {
  let out = "";
  for (let i = 0; i < bytes.length; i += 8192) {
    const part = bytes.subarray(i, i + 8192);
    out += String.fromCharCode(...Array.from(part, (b) => (b >= 0x80 && b < 0xa0 ? CP1252_HIGH[b - 0x80] || 0xfffd : b)));
  }
  return out;
}

/** What the scan found. */
export interface TextScan {
  /** The gzip stream ended early or is damaged (message), or null. */
  gzipError: string | null;
  /** First line that is not valid UTF-8, or null when the whole file is. */
  firstInvalidLine: number | null;
  /** The file has bytes a Windows-1252 text never holds (control characters, undefined bytes). */
  notSingleByte: boolean;
  /** Lines that are valid UTF-8 with non-ASCII characters: then the file mixes two encodings. */
  utf8Line: number | null;
  /** Lines ending CRLF and lines ending LF alone. */
  crlf: number;
  lf: number;
}

function source(path: string) {
  const raw = createReadStream(path, { highWaterMark: 1 << 20 });
  return path.endsWith(".gz") ? raw.pipe(createGunzip()) : raw;
}

/** Reads the file once, line by line only where a line needs a closer look. */
export async function scanText(path: string): Promise<TextScan> {
  const out: TextScan = { gzipError: null, firstInvalidLine: null, notSingleByte: false, utf8Line: null, crlf: 0, lf: 0 };
  let line = 1;
  let carry: Buffer = Buffer.alloc(0);
  let lastWasCr = false;
  const look = (chunk: Buffer, valid: boolean) => {
    // Counts line endings; and, in a chunk that is not all UTF-8, classifies each line.
    const plain = valid && (out.utf8Line !== null || isAscii(chunk));
    let start = 0;
    for (let i = chunk.indexOf(0x0a); ; i = chunk.indexOf(0x0a, i + 1)) {
      const end = i === -1 ? chunk.length : i;
      if (!valid) {
        const part = chunk.subarray(start, end);
        if (!isUtf8(part)) {
          out.firstInvalidLine ??= line;
          for (const b of part) if ((b < 0x20 && b !== 0x09 && b !== 0x0d) || (b >= 0x80 && b < 0xa0 && !CP1252_HIGH[b - 0x80])) out.notSingleByte = true;
        } else if (part.some((b) => b >= 0x80)) out.utf8Line ??= line;
      } else if (!plain && out.utf8Line === null && chunk.subarray(start, end).some((b) => b >= 0x80)) {
        out.utf8Line = line;
      }
      if (i === -1) break;
      if ((i > 0 ? chunk[i - 1] : lastWasCr ? 0x0d : 0) === 0x0d) out.crlf++;
      else out.lf++;
      line++;
      start = i + 1;
    }
    lastWasCr = chunk.length > 0 && chunk[chunk.length - 1] === 0x0d;
  };
  try {
    for await (const c of source(path) as AsyncIterable<Buffer>) {
      // Hold back a line's unfinished end so that each line is judged whole.
      const buf = carry.length ? Buffer.concat([carry, c]) : c;
      const cut = buf.lastIndexOf(0x0a) + 1;
      if (cut === 0 && buf.length < 64 * 1024 * 1024) { carry = buf; continue; }
      const whole = cut === 0 ? buf : buf.subarray(0, cut);
      carry = cut === 0 ? Buffer.alloc(0) : buf.subarray(cut);
      look(whole, isUtf8(whole));
    }
    if (carry.length) look(carry, isUtf8(carry));
  } catch (err) {
    out.gzipError = (err as Error).message;
  }
  return out;
}

/** Writes a UTF-8, LF-only copy of the file (from Windows-1252 when `cp1252`). */
export async function writeRepaired(path: string, to: string, cp1252: boolean): Promise<void> {
  let pendingCr = false;
  const fix = new Transform({
    transform(chunk: Buffer, _enc, done) {
      let text = (pendingCr ? "\r" : "") + (cp1252 ? decodeCp1252(chunk) : chunk.toString("latin1"));
      pendingCr = text.endsWith("\r");
      if (pendingCr) text = text.slice(0, -1);
      text = text.replace(/\r\n/g, "\n");
      // Without cp1252 the bytes pass through unchanged (latin1 is byte-for-byte); only CRs go.
      done(null, cp1252 ? Buffer.from(text, "utf8") : Buffer.from(text, "latin1"));
    },
    flush(done) {
      done(null, pendingCr ? Buffer.from("\r") : null);
    },
  });
  await pipeline(source(path), fix, createWriteStream(to));
}
