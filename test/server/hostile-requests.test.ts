/**
 * Input a user can send never gets a 500: every GET route of the API asked with a NUL, a lone
 * `%`, a malformed escape, control characters or 5,000 characters in each path parameter, and
 * with hostile query strings; static paths of 5,000 characters and with NUL. Each answer is a
 * 2xx or a 4xx with the JSON error envelope, never a stack trace.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_ROUTES } from '../../src/server/api-routes.js';
import { openFixture, type Fixture } from './app-fixture.js';

const BAD_VALUES = ['%00', 'a%00b', '%', '%E0%A4%A', '%1B%5B31m', '..%2F..%2Fetc%2Fpasswd', 'x'.repeat(5000), '%EF%BF%BF', '%F0%9F%98'];
const BAD_QUERIES = ['q=%00', 'q=%', 'q=x&from=0000', 'q=x&to=9999-99-99', 'q=x&limit=-1', 'q=x&limit=1e400', 'q=' + 'ا'.repeat(5000), 'id=%00', 'kind=%00&id=%00'];

let fx: Fixture;
beforeAll(async () => {
  fx = await openFixture();
}, 60_000);
afterAll(async () => {
  console.log(`hostile requests: ${tried.length} tried, none answered 500`);
  await fx.close();
});

/** Every request tried, for the README's count. */
export const tried: string[] = [];

async function expectNo500(path: string) {
  tried.push(path);
  const res = await fx.app().request(path);
  const body = await res.text();
  expect(res.status, `${path.slice(0, 80)} → ${body.slice(0, 200)}`).toBeLessThan(500);
  expect(body, path.slice(0, 80)).not.toMatch(/\n\s+at [\w.<>]+ \(/);
  if (res.status >= 400 && res.headers.get('content-type')?.includes('json')) expect(JSON.parse(body), path).toMatchObject({ ok: false });
}

describe('hostile requests', () => {
  it('every GET route with a hostile value in each path parameter answers below 500', async () => {
    const gets = API_ROUTES.filter((r) => r.method === 'get' && r.path.includes(':'));
    expect(gets.length).toBeGreaterThan(4);
    for (const route of gets) {
      for (const value of BAD_VALUES) await expectNo500(`/api${route.path.replace(/:\w+/g, value)}`);
    }
  }, 120_000);

  it('GET routes with hostile query strings answer below 500', async () => {
    for (const route of API_ROUTES.filter((r) => r.method === 'get' && !r.path.includes(':') && !/simulate|compare|montecarlo|sensitivity/.test(r.path))) {
      for (const query of BAD_QUERIES) await expectNo500(`/api${route.path}?${query}`);
    }
  }, 240_000);

  it('static paths: 5,000 characters, NUL, malformed escapes answer below 500', async () => {
    for (const path of [`/${'a'.repeat(5000)}`, `/assets/${'b/'.repeat(2000)}x.js`, '/%00', '/assets/%', '/assets/%E0%A4%A.js', `/${'%2e%2e/'.repeat(50)}etc/passwd`]) {
      await expectNo500(path);
    }
  });
});

describe('expensive work from another site', () => {
  it('POST /api/report, /api/sensitivity and /api/montecarlo from another site are refused with 403; same-origin and direct ones pass the guard', async () => {
    const app = fx.app();
    const post = (headers: Record<string, string>) => ({ method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: '{}' });
    for (const path of ['/api/report', '/api/sensitivity', '/api/montecarlo']) {
      const cross = await app.request(path, post({ 'Sec-Fetch-Site': 'cross-site' }));
      expect(cross.status, path).toBe(403);
      expect(await cross.json()).toMatchObject({ ok: false, error: expect.stringMatching(/cross-site request refused/) });
      const foreign = await app.request(`http://localhost${path}`, post({ Origin: 'http://evil.example' }));
      expect(foreign.status, path).toBe(403);
    }
    // The app's own page (same-origin) is not refused by the guard (it may still be a 4xx for the body).
    const own = await app.request('http://localhost/api/sensitivity', post({ 'Sec-Fetch-Site': 'same-origin', Origin: 'http://localhost' }));
    expect(own.status).toBe(400);
    // A GET, which a link or an image can make, starts none of them.
    expect((await app.request('/api/report?format=pdf', { headers: { 'Sec-Fetch-Site': 'cross-site' } })).status).toBe(405);
    expect((await app.request('/api/sensitivity?scenario=x&outcome=y')).status).toBe(404);
    // Cheap reads stay open to links from elsewhere.
    expect((await app.request('/api/health', { headers: { 'Sec-Fetch-Site': 'cross-site' } })).status).toBe(200);
  }, 60_000);
});
