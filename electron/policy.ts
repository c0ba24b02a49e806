/**
 * The security policy of the app window, kept free of Electron imports so tests can read it directly.
 * SECURITY.md #5–#9.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'caseboard';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;

/** SECURITY.md #7: nothing but the bundle's own scripts, styles and images; no network, no eval. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' blob: data:",
  "font-src 'self'",
  "connect-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

/** Only the app's own bundled files may load; every other request is cancelled. */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

/** The renderer may ask for these, and is refused them all. */
export const DENIED_PERMISSIONS = 'all' as const;

/** In-memory: without the `persist:` prefix Chromium keeps no cache, cookies or storage on disk. */
export const SESSION_PARTITION = 'caseboard-window';

/** Resolves a request for the app's own bundle to a path inside it, or null when it points outside. */
export function bundlePathFor(url: string): string | null {
  if (!isAppUrl(url)) return null;
  const { pathname } = new URL(url);
  const decoded = decodeURIComponent(pathname);
  if (decoded.includes('\0') || decoded.split('/').some((part) => part === '..')) return null;
  const relative = decoded.replace(/^\/+/, '') || 'index.html';
  return relative;
}

const contentTypes: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  svg: 'image/svg+xml',
  png: 'image/png',
  woff2: 'font/woff2',
  json: 'application/json',
  ico: 'image/x-icon',
};

export function contentTypeFor(path: string): string {
  return contentTypes[path.split('.').pop() ?? ''] ?? 'application/octet-stream';
}

/** Headers every bundled file is served with. */
export function responseHeaders(path: string): Record<string, string> {
  return {
    'Content-Type': contentTypeFor(path),
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
    'Cross-Origin-Opener-Policy': 'same-origin',
  };
}
