/** Static files, path traversal, access token, and hostile document text through the API. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { acceptedEncodings, safeStaticPath } from '../../src/server/static-files.js';
import { openFixture, type Fixture } from './app-fixture.js';

let fx: Fixture;

beforeAll(async () => {
  fx = await openFixture();
});
afterAll(async () => fx?.close());

describe('static files', () => {
  it('GET / serves the web app index as HTML', async () => {
    const res = await fx.app().request('/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await res.text()).toContain('Marsad test');
  });

  it('GET /assets/app.js serves an asset as JavaScript', async () => {
    const res = await fx.app().request('/assets/app.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/javascript/);
  });

  it('GET of a precompressed asset sends the brotli copy to a client that accepts it', async () => {
    const res = await fx.app().request('/assets/big.js', { headers: { 'Accept-Encoding': 'gzip, deflate, br' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe('br');
    expect(res.headers.get('vary')).toBe('Accept-Encoding');
    expect(res.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const body = Buffer.from(await res.arrayBuffer());
    expect(Number(res.headers.get('content-length'))).toBe(body.length);
    expect(brotliDecompressSync(body).toString('utf8')).toContain('مرصد مرصد');
  });

  it('GET of a precompressed asset falls back to gzip, then to the raw file', async () => {
    const gz = await fx.app().request('/assets/big.js', { headers: { 'Accept-Encoding': 'gzip, br;q=0' } });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString('utf8')).toContain('مرصد');
    const raw = await fx.app().request('/assets/big.js');
    expect(raw.headers.get('content-encoding')).toBeNull();
    expect(raw.headers.get('vary')).toBe('Accept-Encoding');
    expect(await raw.text()).toContain('مرصد');
  });

  it('GET / is revalidated: no-cache with an ETag, and 304 when it matches', async () => {
    const first = await fx.app().request('/');
    expect(first.headers.get('cache-control')).toBe('no-cache');
    const etag = first.headers.get('etag');
    expect(etag).toBeTruthy();
    const again = await fx.app().request('/', { headers: { 'If-None-Match': etag! } });
    expect(again.status).toBe(304);
  });

  it('acceptedEncodings reads tokens and drops those refused with q=0', () => {
    expect([...acceptedEncodings('gzip, deflate, br')]).toEqual(['gzip', 'deflate', 'br']);
    expect([...acceptedEncodings('br;q=0, gzip;q=0.5')]).toEqual(['gzip']);
    expect(acceptedEncodings('').size).toBe(0);
  });

  it.each([
    '/..%2f..%2fetc/passwd',
    '/assets/../../package.json',
    '/%2e%2e/secret.txt',
    '/assets/%2e%2e/%2e%2e/secret.txt',
    '/..%5csecret.txt',
    '/%00index.html',
    '/secret.txt',
  ])('GET %s is refused without revealing files outside the web root', async (path) => {
    const res = await fx.app().request(path);
    expect(res.status).toBe(404);
    const text = await res.text();
    expect(text).not.toContain('outside the web root');
    expect(text).not.toContain('root:');
    expect(text).not.toContain('"name": "marsad"');
  });

  it('safeStaticPath refuses dot segments and backslashes after decoding', () => {
    expect(safeStaticPath('/srv/web', '/..%2f..%2fetc/passwd')).toBeNull();
    expect(safeStaticPath('/srv/web', '/a%5c..%5cb')).toBeNull();
    expect(safeStaticPath('/srv/web', '/%E0%A4%A')).toBeNull();
    expect(safeStaticPath('/srv/web', '/assets/x.js')).toBe('/srv/web/assets/x.js');
  });
});

describe('access token', () => {
  const token = 'a-long-enough-test-token-0123456789';

  it('requests without the token are refused with 401', async () => {
    const res = await fx.app({ token }).request('/api/health');
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ ok: false, status: 401 });
    expect((await fx.app({ token }).request('/')).status).toBe(401);
  });

  it('a wrong bearer token is refused, the right one accepted', async () => {
    const app = fx.app({ token });
    expect((await app.request('/api/health', { headers: { Authorization: 'Bearer wrong' } })).status).toBe(401);
    expect((await app.request('/api/health', { headers: { Authorization: `Bearer ${token}` } })).status).toBe(200);
  });

  it('?token= once sets an HttpOnly cookie that later requests carry', async () => {
    const app = fx.app({ token });
    const first = await app.request(`/api/health?token=${token}`);
    expect(first.status).toBe(200);
    const cookie = first.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/marsad_token=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    const second = await app.request('/api/actors', { headers: { Cookie: cookie.split(';')[0] } });
    expect(second.status).toBe(200);
  });
});

describe('hostile document text (xss.html)', () => {
  async function xssDocument() {
    const app = fx.app();
    const list = (await (await app.request('/api/documents')).json()) as { items: Array<{ id: string; file: string }> };
    const doc = list.items.find((d) => d.file === 'xss.html');
    expect(doc).toBeDefined();
    const res = await app.request(`/api/documents/${doc!.id}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    return (await res.json()) as { document: { text: string; title: string | null }; passages: Array<{ text: string }> };
  }

  it('GET /api/documents/:id returns the visible text only: no tags, handlers or script URLs', async () => {
    const body = await xssDocument();
    const text = body.document.text;
    expect(text).toContain('انسحاب القوات');
    for (const bad of ['onerror', 'onload', 'onclick', 'javascript:', 'srcdoc', '<img', '<svg', '<iframe', "document.write"]) {
      expect(text).not.toContain(bad);
    }
    for (const p of body.passages) expect(p.text).not.toMatch(/<(img|svg|iframe|a)\b/i);
  });

  it('escaped markup in the page stays text the client must escape in turn', async () => {
    const body = await xssDocument();
    expect(body.document.text).toContain('escaped text stays text');
  });

  it('GET /api/search over the hostile document returns JSON text, never HTML', async () => {
    const res = await fx.app().request(`/api/search?q=${encodeURIComponent('الجدول الزمني')}`);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await res.json()) as { hits: Array<{ file: string; snippet: string }> };
    const hit = body.hits.find((h) => h.file === 'xss.html');
    expect(hit).toBeDefined();
    expect(hit!.snippet).not.toContain('javascript:');
  });
});

describe('loopback host guard', () => {
  it('a loopback-only server refuses requests addressed to another host name (DNS rebinding)', async () => {
    const app = fx.app({ loopbackOnly: true });
    expect((await app.request('http://127.0.0.1:8787/api/health')).status).toBe(200);
    expect((await app.request('http://localhost:8787/api/health')).status).toBe(200);
    expect((await app.request('http://[::1]:8787/api/health')).status).toBe(200);
    const rebound = await app.request('http://attacker.example:8787/api/health');
    expect(rebound.status).toBe(403);
    expect(await rebound.json()).toMatchObject({ ok: false, status: 403 });
  });
});
