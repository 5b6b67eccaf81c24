// Raw HTTP against the simulator (no client), to see exactly what it answers: status, headers, body text.
import { HttpClient } from 'urllib';
import type { OperationName } from '../../atlas/operations';
import { fillPath, OPS } from '../../atlas/operations';
import type { AtlasSimulator } from '../../simulator/server';

export interface RawAnswer {
  status: number;
  contentType: string;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: unknown;
}

const http = new HttpClient();

export interface RawOptions {
  query?: Record<string, string | number>;
  body?: unknown;
  /** Raw body text (overrides `body`). */
  text?: string;
  headers?: Record<string, string>;
}

/** Calls one operation with its exact media types (overridable through `headers`). */
export async function raw(
  sim: AtlasSimulator,
  name: OperationName,
  params: Record<string, string>,
  o: RawOptions = {},
): Promise<RawAnswer> {
  const op = OPS[name];
  const url = new URL(sim.url + fillPath(op.path, params));
  for (const [k, v] of Object.entries(o.query ?? {})) url.searchParams.set(k, String(v));
  const headers: Record<string, string> = {
    accept: op.mediaType,
    ...(op.method === 'POST' ? { 'content-type': op.mediaType } : {}),
    ...o.headers,
  };
  const res = await http.request<string>(url.toString(), {
    method: op.method,
    headers,
    content: op.method === 'POST' ? (o.text ?? JSON.stringify(o.body ?? {})) : undefined,
    dataType: 'text',
    retry: 0,
    socketErrorRetry: 0,
    timeout: 5_000,
  });
  let json: unknown;
  try {
    json = JSON.parse(res.data);
  } catch {
    json = undefined;
  }
  return {
    status: res.status,
    contentType: String(res.headers['content-type'] ?? ''),
    headers: res.headers,
    text: res.data,
    json,
  };
}

/** Plain HTTP to any path (admin API, token endpoint). */
export async function request(
  url: string,
  method: 'GET' | 'POST' | 'DELETE',
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; json: unknown }> {
  const res = await http.request<string>(url, {
    method,
    headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
    content: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    dataType: 'text',
    retry: 0,
    socketErrorRetry: 0,
  });
  let json: unknown;
  try {
    json = JSON.parse(res.data);
  } catch {
    json = res.data;
  }
  return { status: res.status, json };
}
