/** A text file's bytes as text: UTF-8 when valid (a BOM dropped), else GB18030 — what Chinese Windows and WPS save. */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    return new TextDecoder("gb18030").decode(bytes);
  }
}
