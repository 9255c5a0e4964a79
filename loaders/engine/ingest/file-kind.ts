/**
 * Plain-language reasons why a file cannot be read: what its first bytes say
 * it is, and DuckDB's reader errors retold without engine jargon or temp paths.
 */
import { closeSync, openSync, readSync } from "node:fs";
import type { InputFile } from "./discover.ts";

/** The first `n` bytes of a file. */
export function head(path: string, n = 8192): Buffer {
  const fd = openSync(path, "r");
  try {
    const buf = Buffer.alloc(n);
    return buf.subarray(0, readSync(fd, buf, 0, n, 0));
  } finally {
    closeSync(fd);
  }
}

const MAGIC: ReadonlyArray<[number[], string]> = [
  [[0x89, 0x50, 0x4e, 0x47], "a PNG image"],
  [[0x50, 0x4b, 0x03, 0x04], "an Excel workbook (.xlsx) or ZIP archive; export the sheet as CSV UTF-8"],
  [[0xd0, 0xcf, 0x11, 0xe0], "an old Excel workbook (.xls); export the sheet as CSV UTF-8"],
  [[0x25, 0x50, 0x44, 0x46], "a PDF document"],
  [[0x1f, 0x8b], "gzip-compressed data; name the file .csv.gz"],
  [[0x50, 0x41, 0x52, 0x31], "a Parquet file; name it .parquet"],
  [[0xff, 0xfe], "UTF-16 text; save it as CSV UTF-8"],
  [[0xfe, 0xff], "UTF-16 text; save it as CSV UTF-8"],
];

/** What a file that should be CSV text is instead, or null when its start looks like text. */
export function notText(start: Buffer): string | null {
  for (const [bytes, what] of MAGIC) if (bytes.every((b, i) => start[i] === b)) return what;
  return start.includes(0) ? "binary data, not text" : null;
}

/** True when the file holds nothing but blank lines (checked only for small files). */
export function onlyBlank(file: InputFile): boolean {
  return file.format === "csv" && !file.path.endsWith(".gz") && file.bytes <= 65536 &&
    head(file.path, 65536).toString("utf8").replace(/^\uFEFF/, "").trim() === "";
}

/** DuckDB's reader error → [what was expected, what was found], in words a file's owner can act on. */
export function readerError(file: InputFile, err: unknown, readPath = file.path): [string, string] {
  const message = (err instanceof Error ? err.message : String(err)).split("\n")[0].trim()
    .replace(/^[A-Za-z ]*Error: /, "").replaceAll(readPath, file.path)
    .replaceAll(`"${file.path}"`, "the file").replaceAll(`'${file.path}'`, "the file").replaceAll(file.path, "the file");
  if (file.format === "parquet") {
    if (/magic bytes/i.test(message)) return ["a complete Parquet file", "a file without the Parquet ending (cut short, or not Parquet)"];
    if (/snappy|decompress|corrupt|checksum|Invalid|out of range|Unexpected end|Could not read/i.test(message)) {
      return ["a readable Parquet file", `a damaged file (${message.replace(/^Failed to read file the file: /, "")}); export or copy it again`];
    }
    return ["a readable Parquet file", message];
  }
  if (file.format === "json") {
    const m = /Malformed JSON.*?(?:at byte \d+ )?in line (\d+): (.*?)\.?$/.exec(message);
    if (m) return ["valid JSON (one object per line, or an array of objects)", `${m[2]} at line ${m[1]}`];
    return ["valid JSON (one object per line, or an array of objects)", message];
  }
  if (/not a GZIP stream/i.test(message)) return ["a gzip-compressed CSV file", "a file that is not gzip-compressed (if it is plain text, name it .csv)"];
  if (/sniffing file/i.test(message)) return ["a CSV text file with a header line", "text in which no columns could be recognized"];
  return ["a readable CSV file", message];
}
