// Writing answers the way Atlas does: JSON bodies with exact media types, and ApiError bodies shaped like the seed
// document's examples ({ detail, error, errorCode, reason }). `parameters` is left out on purpose: the spec types its
// items as objects while Atlas sends strings, and the simulator must satisfy the spec (test/simulator/contract.test.ts).
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  406: 'Not Acceptable',
  409: 'Conflict',
  410: 'Gone',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  contentType = 'application/json',
  headers: OutgoingHttpHeaders = {},
): void {
  if (res.destroyed || res.headersSent) return;
  const text = JSON.stringify(body);
  res.writeHead(status, { ...headers, 'content-type': contentType, 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/** An ApiError body; `fields` becomes badRequestDetail.fields. */
export function sendError(
  res: ServerResponse,
  status: number,
  errorCode: string,
  detail: string,
  fields?: { field: string; description: string }[],
  headers: OutgoingHttpHeaders = {},
): void {
  const body = {
    detail,
    error: status,
    errorCode,
    reason: REASONS[status] ?? 'Error',
    ...(fields?.length ? { badRequestDetail: { fields } } : {}),
  };
  sendJson(res, status, body, 'application/json', headers);
}

/** The whole request body as text; an aborted upload reads as empty. */
export function readBody(req: IncomingMessage, limitBytes = 1_000_000): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= limitBytes) chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', () => resolve(''));
  });
}
