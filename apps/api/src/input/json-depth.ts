/**
 * True when the JSON text nests arrays or objects deeper than `max`. Scans the raw UTF-8 bytes
 * once, before any parser sees them, so depth is bounded without recursion. In UTF-8 every byte of
 * a multi-byte character is ≥ 0x80, so brackets and quotes inside strings cannot be mistaken.
 */
export function jsonNestsDeeperThan(body: Buffer, max: number): boolean {
  let depth = 0;
  let inString = false;
  let escaped = false;
  for (const byte of body) {
    if (inString) {
      if (escaped) escaped = false;
      else if (byte === 0x5c) escaped = true;
      else if (byte === 0x22) inString = false;
    } else if (byte === 0x22) {
      inString = true;
    } else if (byte === 0x7b || byte === 0x5b) {
      if (++depth > max) return true;
    } else if (byte === 0x7d || byte === 0x5d) {
      depth--;
    }
  }
  return false;
}
