import { extname, isAbsolute, join, relative } from 'node:path';
import { APP_HOST, APP_SCHEME, schemeAndHost } from './app-origin';

/**
 * Maps an app://toancanh/… request to a file under the built renderer folder. Pure
 * (no file access), so the traversal rules are unit-tested. Chromium already folds
 * "." and ".." out of standard-scheme URLs; this is the second lock, for encoded
 * separators, NUL bytes and anything that would resolve outside the root.
 */

export type AppRequestTarget =
  | { kind: 'file'; path: string; contentType: string }
  | { kind: 'forbidden'; reason: string };

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.cjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
};

export function contentTypeFor(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

export function resolveAppRequest(requestUrl: string, root: string): AppRequestTarget {
  const origin = schemeAndHost(requestUrl);
  if (!origin || origin.scheme !== APP_SCHEME || origin.host !== APP_HOST) return { kind: 'forbidden', reason: 'not our origin' };
  let path: string;
  try {
    path = decodeURIComponent(new URL(requestUrl).pathname);
  } catch {
    return { kind: 'forbidden', reason: 'malformed percent-encoding' };
  }
  if (path.includes('\0')) return { kind: 'forbidden', reason: 'NUL byte in path' };
  // After decoding, a backslash would be a separator on Windows ("..%5C..%5C").
  if (path.includes('\\')) return { kind: 'forbidden', reason: 'backslash in path' };
  if (path.split('/').some((segment) => segment === '..')) return { kind: 'forbidden', reason: 'parent segment in path' };
  if (path.endsWith('/')) path += 'index.html';
  const file = join(root, path);
  const inside = relative(root, file);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return { kind: 'forbidden', reason: 'outside the renderer folder' };
  return { kind: 'file', path: file, contentType: contentTypeFor(file) };
}
