// Framework's output passed on a whole line at a time (loaders/site/framework.ts), so the build's own progress,
// written meanwhile, never lands inside one of Framework's lines ("load /risk " … "in 90ms").
import { PassThrough, Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { passLines } from "../../loaders/site/framework.ts";

describe("passLines", () => {
  it("writes only whole lines, in order, and what is left unterminated when the stream ends", async () => {
    const from = new PassThrough();
    const writes: string[] = [];
    const to = new Writable({ write(chunk, _enc, done) { writes.push(String(chunk)); done(); } });
    passLines(from, to);
    const tick = () => new Promise((r) => setImmediate(r));
    from.write("load /account ");
    await tick();
    expect(writes).toEqual([]); // half a line: held back
    from.write("in 988ms\nload /csms ");
    await tick();
    from.write("in 83ms\nload /risk in 60ms\nbuilt 28 pages");
    await tick();
    expect(writes).toEqual(["load /account in 988ms\n", "load /csms in 83ms\nload /risk in 60ms\n"]);
    from.end();
    await tick();
    expect(writes.join("")).toBe("load /account in 988ms\nload /csms in 83ms\nload /risk in 60ms\nbuilt 28 pages");
    expect(writes.every((w, i) => i === writes.length - 1 || w.endsWith("\n"))).toBe(true);
  });
});
