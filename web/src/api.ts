/** The app talks only to the JSON API of `marsad serve`, on the same origin. */
export class ApiError extends Error {
  constructor(
    message: string,
    /** HTTP status, or 0 when the server could not be reached. */
    readonly status: number,
  ) {
    super(message);
  }
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

/** GET, cached for the session: the case and corpus do not change while the app is open. */
export function get<T>(path: string): Promise<T> {
  let hit = cache.get(path);
  if (!hit) {
    hit = request<T>(path);
    cache.set(path, hit);
    hit.catch(() => cache.delete(path));
  }
  return hit as Promise<T>;
}

export function getFresh<T>(path: string): Promise<T> {
  return request<T>(path);
}

export function post<T>(path: string, body: unknown): Promise<T> {
  return request<T>(path, { method: 'POST', body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } });
}

/** POST, cached for the session: simulation runs are deterministic for the same request. */
export function postCached<T>(path: string, body: unknown): Promise<T> {
  const key = `POST ${path} ${JSON.stringify(body)}`;
  let hit = cache.get(key);
  if (!hit) {
    hit = post<T>(path, body);
    cache.set(key, hit);
    hit.catch(() => cache.delete(key));
  }
  return hit as Promise<T>;
}
