/** An error's code (ENOENT, EACCES) or else its message: by shape, since Node's errors may come from another realm. */
export function errorText(e: unknown): string {
  const code = e && typeof e === "object" ? (e as { code?: unknown }).code : undefined;
  return typeof code === "string" ? code : messageOf(e);
}

function messageOf(e: unknown): string {
  const message = e && typeof e === "object" ? (e as { message?: unknown }).message : undefined;
  return typeof message === "string" ? message : String(e);
}
