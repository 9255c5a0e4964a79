/** Polls `test` every 20 ms until it holds; rejects after `ms` (a hang guard, not a speed requirement). */
export function until(test: () => boolean, what: string, ms = 600_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const poll = setInterval(() => {
      if (test()) {
        clearInterval(poll);
        resolve();
      } else if (Date.now() - started > ms) {
        clearInterval(poll);
        reject(new Error(`never: ${what}`));
      }
    }, 20);
  });
}
