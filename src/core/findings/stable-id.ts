/**
 * Stable finding ids: a 64-bit FNV-1a hash of what identifies a finding (template, district,
 * year, rule, indicator codes, which column) — never of cell addresses or values, so the id
 * survives re-sorted rows and corrected figures (a review decision stays attached).
 */
export function stableId(parts: readonly (string | number | undefined)[]): string {
  const text = parts.map((p) => (p === undefined ? "" : String(p))).join("\u241F");
  // Two 32-bit FNV-1a lanes with different offsets: cheap, pure, and 64 bits of spread.
  let h1 = 0x811c9dc5;
  let h2 = 0xcbf29ce4;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x01000193) ^ (h1 >>> 7);
    h2 >>>= 0;
  }
  return "F" + h1.toString(16).padStart(8, "0") + h2.toString(16).padStart(8, "0");
}
