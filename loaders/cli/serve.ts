/**
 * `npm run serve`: serves the built site (dist/) on 127.0.0.1 the way any plain
 * static file server does — a path is a file, a folder is its index.html, and
 * nothing is rewritten — so what works here works on python3 -m http.server,
 * nginx or an S3 bucket. Options: --dir (default dist), --port (default 3000).
 */
import { readFile, stat } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, resolve, sep } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs, runMain, UsageError } from "./args.ts";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css", ".json": "application/json",
  ".svg": "image/svg+xml", ".png": "image/png", ".woff2": "font/woff2", ".csv": "text/csv", ".md": "text/markdown",
};

/** A static server over `dir` on loopback; port 0 picks a free one. */
export async function staticServer(dir: string, port = 0): Promise<{ url: string; close: () => Promise<void> }> {
  const root = resolve(dir);
  const server: Server = createServer(async (req, res) => {
    let file = join(root, decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname));
    // a request may not climb out of the served folder
    if (file !== root && !file.startsWith(root + sep)) return void res.writeHead(403).end("forbidden");
    try {
      if ((await stat(file)).isDirectory()) file = join(file, "index.html");
      const body = await readFile(file);
      res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" }).end(body);
    } catch {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
    }
  });
  await new Promise<void>((ok, fail) => server.once("error", fail).listen(port, "127.0.0.1", ok));
  const { port: bound } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${bound}`, close: () => new Promise((ok) => server.close(() => ok())) };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  runMain(async () => {
    const { values } = parseArgs(process.argv.slice(2), ["dir", "port"]);
    const dir = values.dir ?? "dist";
    const port = Number(values.port ?? 3000);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a port number, got ${values.port}`);
    try { await stat(join(dir, "index.html")); } catch { throw new UsageError(`${dir}/index.html not found: run npm run build first`); }
    const s = await staticServer(dir, port);
    console.log(`serving ${dir}/ at ${s.url}/ (Ctrl-C stops)`);
    return new Promise<number>(() => {});
  });
}
