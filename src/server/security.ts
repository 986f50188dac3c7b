/**
 * Security defaults applied to every response and request: strict headers, CSRF refusal by
 * Origin / Sec-Fetch-Site on writes, an optional access token, and a request body cap.
 */
import { timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { bodyLimit as honoBodyLimit } from 'hono/body-limit';
import { getCookie, setCookie } from 'hono/cookie';
import { TooLargeError } from '../domain/errors.js';
import { ForbiddenError } from './errors.js';

/** No remote origins, no inline scripts; styles only from our own files. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const secureHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  // A download (the HTML briefing) is sandboxed too, should a browser ever render it inline.
  const attachment = c.res.headers.get('Content-Disposition')?.startsWith('attachment') ?? false;
  c.header('Content-Security-Policy', attachment ? `${CONTENT_SECURITY_POLICY}; sandbox` : CONTENT_SECURITY_POLICY);
  c.header('X-Content-Type-Options', 'nosniff');
  c.header('Referrer-Policy', 'no-referrer');
  c.header('X-Frame-Options', 'DENY');
  c.header('Cross-Origin-Opener-Policy', 'same-origin');
  c.header('Cross-Origin-Resource-Policy', 'same-origin');
};

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses writes another site's page could trigger in the user's browser. Every request that
 * changes data or starts expensive work (a briefing rendered by Chromium, simulations, Monte
 * Carlo, sensitivity sweeps) is a POST, so the check is on the method alone: a GET is never
 * worth guarding.
 */
export const csrfGuard: MiddlewareHandler = async (c, next) => {
  if (!SAFE_METHODS.has(c.req.method)) {
    const site = c.req.header('sec-fetch-site');
    if (site && site !== 'same-origin' && site !== 'none') {
      throw new ForbiddenError(`cross-site request refused (Sec-Fetch-Site: ${site})`);
    }
    // A browser's own word (no page can set Sec-Fetch-Site) settles it: the app's forms send
    // `Origin: null` under its no-referrer policy. Without it (older browsers), Origin decides.
    if (site) return next();
    const origin = c.req.header('origin');
    if (origin && origin !== 'null') {
      const host = c.req.header('host') ?? new URL(c.req.url).host;
      let originHost: string;
      try {
        originHost = new URL(origin).host;
      } catch (error) {
        // an unparsable Origin is treated as foreign
        throw new ForbiddenError('cross-site request refused (malformed Origin)', 403, { cause: error });
      }
      if (originHost !== host) throw new ForbiddenError(`cross-site request refused (Origin ${origin})`);
    } else if (origin === 'null') {
      throw new ForbiddenError('cross-site request refused (opaque Origin)');
    }
  }
  await next();
};

/**
 * For a server bound to loopback: refuse requests whose Host is not a loopback name, so a web
 * page cannot reach the API through a DNS name rebound to 127.0.0.1 (DNS rebinding).
 */
export function loopbackHostGuard(enabled: boolean): MiddlewareHandler {
  return async (c, next) => {
    if (enabled) {
      const host = c.req.header('host') ?? new URL(c.req.url).host;
      const name = host.replace(/:\d+$/, '').replace(/^\[(.*)\]$/, '$1').toLowerCase();
      if (!(name === 'localhost' || name === '::1' || /^127(?:\.\d{1,3}){3}$/.test(name))) {
        throw new ForbiddenError(`host "${host}" refused: this server answers on loopback names only`);
      }
    }
    await next();
  };
}

export const TOKEN_COOKIE = 'marsad_token';

/**
 * When a token is configured, every request must carry it: `Authorization: Bearer T`, the
 * `marsad_token` cookie, or `?token=T` once (which sets the cookie, so links keep working).
 */
export function tokenGuard(token: string | undefined): MiddlewareHandler {
  return async (c, next) => {
    if (!token) return next();
    const bearer = /^Bearer\s+(.+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
    const fromQuery = c.req.query('token');
    const fromCookie = getCookie(c, TOKEN_COOKIE);
    if (fromQuery !== undefined && sameSecret(fromQuery, token)) {
      setCookie(c, TOKEN_COOKIE, token, { httpOnly: true, sameSite: 'Strict', path: '/' });
      return next();
    }
    if ((bearer && sameSecret(bearer, token)) || (fromCookie && sameSecret(fromCookie, token))) return next();
    throw new ForbiddenError('a valid access token is required (Authorization: Bearer or ?token=)', 401);
  };
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Caps request bodies with Hono's limiter, which also counts streamed bytes when no length is
 * declared; overflow becomes a TooLargeError so errors.ts answers 413 in the usual shape.
 */
export function bodyLimit(maxBytes: number): MiddlewareHandler {
  return honoBodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw new TooLargeError(`request body exceeds ${maxBytes} bytes`, { field: 'body' });
    },
  });
}
