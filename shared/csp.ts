/**
 * The Content-Security-Policy of every page we serve, in Electron and in browsers.
 * Scripts, styles and fonts come only from our own origin; the feed may also reach the
 * configured server (a different origin when the wall is pointed at a remote backend).
 */
export function contentSecurityPolicy(extraConnectOrigins: ReadonlyArray<string> = []): string {
  const connect = ["'self'", ...extraConnectOrigins.flatMap((origin) => [origin, origin.replace(/^http/, 'ws')])];
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src ${[...new Set(connect)].join(' ')}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ');
}
