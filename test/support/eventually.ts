/** Polls `read` until `ok` holds, failing with what was last seen after `timeoutMs`. */
export async function eventually<T>(
  read: () => T | Promise<T>,
  ok: (v: T) => boolean,
  timeoutMs: number,
  what = 'a condition',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await read();
    if (ok(v)) return v;
    if (Date.now() > deadline) {
      throw new Error(
        `timed out after ${timeoutMs} ms waiting for ${what}: ${JSON.stringify(v)?.slice(0, 500)}`,
      );
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}
