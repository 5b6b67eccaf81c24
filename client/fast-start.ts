// `atlas-restore start` without loading the Temporal SDK, for its common case (start and exit): one
// StartWorkflowExecution call over gRPC (HTTP/2, node:http2), encoded with the official message descriptors cut down
// to what we send (client/generated/start-workflow.json, from @temporalio/proto by scripts/gen-start-proto.mjs).
// Why: loading @temporalio/client (gRPC stack and ~3 MB of API descriptors) is most of a runbook step's start time.
// The request is the one the SDK's client sends for the same options (test/cli/fast-start.test.ts compares them field
// by field); anything else — the target already has a restore (ALREADY_EXISTS), an unreachable server, --wait — goes
// through the SDK (client/start.ts), which is safe because a restore's workflow id is derived from its target.
import { randomUUID } from 'node:crypto';
import { connect, type ClientHttp2Session, type SecureClientSessionOptions } from 'node:http2';
import { connect as netConnect } from 'node:net';
import { hostname } from 'node:os';
// The SDK's own payload and search-attribute encoders: small modules, without its gRPC client or API descriptors.
import { defaultPayloadConverter } from '@temporalio/common/lib/converter/payload-converter';
import { encodeUnifiedSearchAttributes } from '@temporalio/common/lib/converter/payload-search-attributes';
import { Root, type Type } from 'protobufjs/light';
import { DEFAULT_TASK_QUEUE } from '../common/constants';
import type { ValidRestoreInput } from '../common/input';
import { restoreStartOptions } from '../common/start-options';
import type { TemporalTarget } from '../config/temporal';
import descriptor from './generated/start-workflow.json';

const SERVICE = 'temporal.api.workflowservice.v1';
const METHOD = `/${SERVICE}.WorkflowService/StartWorkflowExecution`;
/** The registered name of workflows/restore.ts's workflow function. */
export const RESTORE_WORKFLOW_TYPE = 'restoreWorkflow';
const RPC_TIMEOUT_S = 10;

let types: { request: Type; response: Type } | undefined;
function messageTypes() {
  if (!types) {
    const root = Root.fromJSON(descriptor);
    types = { request: root.lookupType(`${SERVICE}.StartWorkflowExecutionRequest`), response: root.lookupType(`${SERVICE}.StartWorkflowExecutionResponse`) };
  }
  return types;
}

/** A gRPC call that ended with a non-OK status (code as in grpc's status codes: 6 = ALREADY_EXISTS). */
export class GrpcStatusError extends Error {
  override readonly name = 'GrpcStatusError';
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(`gRPC status ${code}: ${message}`);
  }
}
export const GRPC_ALREADY_EXISTS = 6;

/** The StartWorkflowExecutionRequest the SDK's `client.workflow.start` sends for client/start.ts's options. */
export function startRequest(input: ValidRestoreInput, raw: unknown, o: { namespace: string; taskQueue?: string; identity?: string; requestId?: string }) {
  const opts = restoreStartOptions(input);
  return {
    namespace: o.namespace,
    identity: o.identity ?? `${process.pid}@${hostname()}`,
    requestId: o.requestId ?? randomUUID(),
    workflowId: opts.workflowId,
    workflowIdReusePolicy: 1, // ALLOW_DUPLICATE
    workflowIdConflictPolicy: 1, // FAIL
    workflowType: { name: RESTORE_WORKFLOW_TYPE },
    input: { payloads: [defaultPayloadConverter.toPayload(raw)] },
    taskQueue: { kind: 1, name: o.taskQueue ?? DEFAULT_TASK_QUEUE }, // NORMAL
    searchAttributes: { indexedFields: encodeUnifiedSearchAttributes(undefined, opts.typedSearchAttributes) },
    header: { fields: {} },
    userMetadata: { summary: defaultPayloadConverter.toPayload(opts.staticSummary), details: defaultPayloadConverter.toPayload(opts.staticDetails) },
  };
}

export function encodeStartRequest(req: ReturnType<typeof startRequest>): Uint8Array {
  const { request } = messageTypes();
  return request.encode(request.fromObject(req)).finish();
}

/** Starts the restore workflow; resolves with its workflow id and run id. */
export async function fastStart(t: TemporalTarget, input: ValidRestoreInput, raw: unknown, taskQueue?: string): Promise<{ workflowId: string; runId: string }> {
  const req = startRequest(input, raw, { namespace: t.namespace, taskQueue });
  const reply = await unaryCall(t, METHOD, encodeStartRequest(req));
  const { response } = messageTypes();
  const res = response.toObject(response.decode(reply)) as { runId?: string };
  if (!res.runId) throw new GrpcStatusError(13, 'StartWorkflowExecution answered without a run id');
  return { workflowId: req.workflowId, runId: res.runId };
}

function sessionFor(t: TemporalTarget): ClientHttp2Session {
  const c = t.connectionOptions;
  const tls = c.tls ?? (c.apiKey ? true : undefined);
  // No Nagle: the request is two small frames (HEADERS, DATA), and a delayed ACK would hold the second ~40 ms.
  if (!tls) return connect(`http://${c.address}`, { createConnection: (url) => netConnect({ host: hostOf(url), port: Number(url.port), noDelay: true }) });
  const o: SecureClientSessionOptions = { ALPNProtocols: ['h2'] };
  if (typeof tls === 'object') {
    if (tls.serverRootCACertificate) o.ca = Buffer.from(tls.serverRootCACertificate);
    if (tls.clientCertPair) Object.assign(o, { cert: Buffer.from(tls.clientCertPair.crt), key: Buffer.from(tls.clientCertPair.key) });
    if (tls.serverNameOverride) o.servername = tls.serverNameOverride;
  }
  const session = connect(`https://${c.address}`, o);
  session.once('connect', () => session.socket.setNoDelay(true));
  return session;
}

/** URL.hostname keeps an IPv6 literal's brackets; net.connect wants it bare. */
const hostOf = (url: URL) => url.hostname.replace(/^\[(.*)\]$/, '$1');

/** One unary gRPC call (length-prefixed message, status in the trailers). */
function unaryCall(t: TemporalTarget, path: string, message: Uint8Array): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const session = sessionFor(t);
    const done = (err: Error | undefined, body?: Buffer) => {
      session.close();
      if (err) reject(err);
      else resolve(body!);
    };
    session.on('error', (e) => done(e));
    const apiKey = t.connectionOptions.apiKey;
    const headers: Record<string, string> = {
      ':method': 'POST',
      ':path': path,
      'content-type': 'application/grpc',
      te: 'trailers',
      'grpc-timeout': `${RPC_TIMEOUT_S}S`,
      'temporal-namespace': t.namespace,
      ...(t.connectionOptions.metadata ?? {}),
      ...(typeof apiKey === 'string' && apiKey ? { authorization: `Bearer ${apiKey}` } : {}),
    };
    const stream = session.request(headers);
    stream.setTimeout(RPC_TIMEOUT_S * 1000, () => stream.close());
    const chunks: Buffer[] = [];
    let status: number | undefined;
    let statusMessage = '';
    const readStatus = (h: Record<string, unknown>) => {
      if (h['grpc-status'] === undefined) return;
      status = Number(h['grpc-status']);
      statusMessage = decodeURIComponent(String(h['grpc-message'] ?? ''));
    };
    stream.on('response', (h) => readStatus(h)); // a trailers-only answer (an error) carries the status here
    stream.on('trailers', (h) => readStatus(h));
    stream.on('data', (d: Buffer) => chunks.push(d));
    stream.on('error', (e) => done(e));
    stream.on('close', () => {
      if (status === undefined) return done(new GrpcStatusError(14, `no gRPC status from ${t.connectionOptions.address} (stream closed, code ${stream.rstCode ?? '?'})`));
      if (status !== 0) return done(new GrpcStatusError(status, statusMessage));
      const body = Buffer.concat(chunks);
      if (body.length < 5 || body[0] !== 0) return done(new GrpcStatusError(13, 'unexpected gRPC response framing'));
      done(undefined, body.subarray(5, 5 + body.readUInt32BE(1)));
    });
    const frame = Buffer.alloc(5 + message.length);
    frame.writeUInt32BE(message.length, 1);
    frame.set(message, 5);
    stream.end(frame);
  });
}
