// The host hands us its token as an attribute or as a callback it can refresh.
export type TokenProvider = () => string | undefined | Promise<string | undefined>;

/**
 * The token's `tenant` claim, read without verifying the signature: it only namespaces the
 * saved layout in localStorage; the server checks the token on every call.
 */
export function tenantOf(token: string | undefined): string | undefined {
  const payload = token?.split(".")[1];
  if (!payload) return undefined;
  try {
    const base64 = payload.replace(/-/g, "+").replace(/_/g, "/").padEnd(Math.ceil(payload.length / 4) * 4, "=");
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const claims: unknown = JSON.parse(new TextDecoder().decode(bytes));
    const tenant = (claims as { tenant?: unknown }).tenant;
    return typeof tenant === "string" && tenant !== "" ? tenant : undefined;
  } catch {
    return undefined;
  }
}
