/**
 * The app talks only to the JSON API of `marsad serve`, on the same origin. Routes and their
 * answers are typed by the API's type surface (src/domain/api-types.ts, imported as types only),
 * so a field renamed on the server breaks this build.
 */
import type { ApiGet, ApiGetResponse, ApiPost } from '../../src/domain/api-types.js';

export type { ApiGet, ApiGetResponse, ApiPost };

export class ApiError extends Error {
  constructor(
    message: string,
    /** HTTP status, or 0 when the server could not be reached. */
    readonly status: number,
  ) {
    super(message);
  }
}

/** Query-string (and `:name` path) parameters; unset ones are left out. */
export type Params = Record<string, string | number | boolean | null | undefined>;

/** `actors/:id` with `{ id }` → `actors/us`; other parameters become the query string. */
export function pathOf(route: string, params: Params = {}): string {
  const query = new URLSearchParams();
  const used = new Set<string>();
  const path = route.replace(/:(\w+)/g, (_, name: string) => {
    used.add(name);
    return encodeURIComponent(String(params[name] ?? ''));
  });
  for (const [k, v] of Object.entries(params)) if (!used.has(k) && v !== undefined && v !== null && v !== '') query.set(k, String(v));
  const qs = query.toString();
  return qs ? `${path}?${qs}` : path;
}

const cache = new Map<string, Promise<unknown>>();

async function request<T>(path: string, init?: RequestInit): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`./api/${path}`, { ...init, headers: { Accept: 'application/json', ...(init?.headers ?? {}) } });
  } catch (error) {
    throw new ApiError(`network: ${(error as Error).message}`, 0);
  }
  const type = res.headers.get('content-type') ?? '';
  if (!type.startsWith('application/json')) throw new ApiError(`expected JSON, got ${type || 'nothing'}`, res.status);
  const body = (await res.json()) as { error?: string };
  if (!res.ok) throw new ApiError(body.error ?? res.statusText, res.status);
  return body as T;
}

/** GET, cached until the case changes (see `forget`): the same question gets the same answer. */
export function get<K extends keyof ApiGet>(route: K, params?: Params): Promise<ApiGetResponse<K>> {
  const path = pathOf(route, params);
  let hit = cache.get(path);
  if (!hit) {
    hit = request<ApiGetResponse<K>>(path);
    cache.set(path, hit);
    hit.catch(() => cache.delete(path));
  }
  return hit as Promise<ApiGetResponse<K>>;
}

/** GET, never from the cache (progress, results that change). */
export function getFresh<K extends keyof ApiGet>(route: K, params?: Params): Promise<ApiGetResponse<K>> {
  return request<ApiGetResponse<K>>(pathOf(route, params));
}

export function post<K extends keyof ApiPost>(route: K, body: ApiPost[K]['body']): Promise<ApiPost[K]['response']> {
  return request<ApiPost[K]['response']>(route, { method: 'POST', body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } });
}

/** POST, cached for the session: simulation runs are deterministic for the same request. */
export function postCached<K extends keyof ApiPost>(route: K, body: ApiPost[K]['body']): Promise<ApiPost[K]['response']> {
  const key = `POST ${route} ${JSON.stringify(body)}`;
  let hit = cache.get(key);
  if (!hit) {
    hit = post(route, body);
    cache.set(key, hit);
    hit.catch(() => cache.delete(key));
  }
  return hit as Promise<ApiPost[K]['response']>;
}

/** Drops every cached answer: after the app changed the case or the corpus. */
export function forget(): void {
  cache.clear();
}
