/** An error's code (ENOENT, EACCES) or else its message: by shape, since Node's errors may come from another realm. */
export function errorText(e: unknown): string {
  return errorCode(e) ?? messageOf(e);
}

function messageOf(e: unknown): string {
  const message = e && typeof e === "object" ? (e as { message?: unknown }).message : undefined;
  return typeof message === "string" ? message : String(e);
}

/** A Node error's code (ENOENT, EACCES …), undefined for anything else. */
export function errorCode(e: unknown): string | undefined {
  const code = e && typeof e === "object" ? (e as { code?: unknown }).code : undefined;
  return typeof code === "string" ? code : undefined;
}
