/**
 * The gateway's CORS policy (CORS_ORIGINS). The runtime's default reflects any Origin and, unless told
 * otherwise, allows credentials with it — so any web page could call the API with the visitor's
 * credentials. Here:
 * - a list of origins: an Origin on the list is echoed with credentials allowed; any other Origin gets no
 *   CORS headers at all (the browser refuses the response);
 * - `*`: any origin may call, never with credentials (no Access-Control-Allow-Credentials).
 */

/** The CORS answer for one request (the shape the Hive gateway runtime's `cors` factory returns). */
export type CorsAnswer = { origin: string; credentials: boolean } | false;

export function corsPolicy(origins: readonly string[] | '*' | undefined): (request: Request) => CorsAnswer {
  if (origins === undefined || origins === '*' || origins.includes('*')) {
    return () => ({ origin: '*', credentials: false });
  }
  const allowed = new Set(origins);
  return (request) => {
    const origin = request.headers.get('origin');
    if (origin === null || !allowed.has(origin)) return false;
    return { origin, credentials: true };
  };
}
