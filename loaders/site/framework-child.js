// Framework's CLI, run by runFramework (framework.ts) as the leader of its own process group.
// When the wrapper that started it dies, even by kill -9, the IPC channel to it closes: then this
// ends its whole group (Framework and any loader it is running), so nothing keeps building beside
// the next run. Plain JavaScript: it must start before any TypeScript loader is registered.
import { join } from "node:path";
import { pathToFileURL } from "node:url";

process.on("disconnect", () => {
  try {
    process.kill(-process.pid, "SIGKILL");
  } finally {
    process.exit(1);
  }
});
// The channel only watches the wrapper: it must not keep Framework alive once its work is done.
process.channel?.unref();

await import(pathToFileURL(join(import.meta.dirname, "..", "..", "node_modules", "@observablehq", "framework", "dist", "bin", "observable.js")).href);
