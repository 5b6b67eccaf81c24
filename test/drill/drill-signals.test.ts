// What a drill tells the outside (issue 22 item 4), from an `atlas-restore worker` process configured as operators do:
// the signed webhook events drill.passed / drill.failed, and the gauges of the last success, RTO and RPO per drill.
import { createHmac } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { SIGNATURE_HEADER } from '../../activities/notify';
import type { RestoreEvent } from '../../common/events';
import { startDevServer } from '../../devserver/devserver';
import { AtlasSimulator } from '../../simulator/server';
import { baseEnv, freePort, startWorkerProcess } from '../helpers/cli';
import { pollUntil } from '../helpers/poll';
import { addSource, drillOf, fastWorld, startDrill } from './kit';

jest.setTimeout(180_000);

const SECRET = 'whsec-drill-0123456789abcdef';
let env: TestWorkflowEnvironment;
let sim: AtlasSimulator;
let worker: Awaited<ReturnType<typeof startWorkerProcess>>;
let metricsPort: number;
let server: Server;
const received: { headers: IncomingMessage['headers']; raw: string }[] = [];
const taskQueue = `drill-signals-${process.pid}`;

beforeAll(async () => {
  server = createServer((req, res) => {
    let raw = '';
    req.on('data', (d: Buffer) => (raw += d.toString()));
    req.on('end', () => {
      received.push({ headers: req.headers, raw });
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  env = await startDevServer();
  sim = await AtlasSimulator.start({ era: 'current', data: true });
  fastWorld(sim.world);
  metricsPort = await freePort();
  worker = await startWorkerProcess(
    baseEnv({
      TEMPORAL_ADDRESS: env.address,
      TEMPORAL_NAMESPACE: 'default',
      ATLAS_RESTORE_TASK_QUEUE: taskQueue,
      MONGODB_ATLAS_BASE_URL: sim.url,
      ATLAS_RESTORE_METRICS_PORT: String(metricsPort),
      ATLAS_RESTORE_WEBHOOK_URL: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
      ATLAS_RESTORE_WEBHOOK_EVENTS: 'drill.passed,drill.failed,drill.left_behind',
      ATLAS_RESTORE_WEBHOOK_SECRET: SECRET,
    }),
  );
});
afterAll(async () => {
  await worker?.stop();
  await sim?.stop();
  await env?.teardown();
  await new Promise<void>((r) => server?.close(() => r()));
});

const scrape = async (): Promise<string> => (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();
const signedBy = (header: string, raw: string): boolean => {
  const m = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header);
  return !!m && createHmac('sha256', SECRET).update(`${m[1]}.${raw}`).digest('hex') === m[2];
};
const eventsOf = (type: string) =>
  received.map((x) => ({ ...x, e: JSON.parse(x.raw) as RestoreEvent })).filter((x) => x.e.type === type);

test('a passed drill: drill.passed (signed, with RTO/RPO), and its gauges labelled by drill', async () => {
  const src = addSource(sim.world);
  const r = await (await startDrill(env.client.workflow, taskQueue, drillOf(src))).result();
  expect(r.outcome).toBe('PASSED');
  const [got] = await pollUntil(
    async () => eventsOf('drill.passed'),
    (l) => l.length === 1,
    { what: 'drill.passed' },
  );
  expect(signedBy(String(got.headers[SIGNATURE_HEADER]), got.raw)).toBe(true);
  expect(got.e).toMatchObject({
    id: `${r.workflowId}/${r.runId}/drill.passed`,
    outcome: 'PASSED',
    workflowId: r.workflowId,
    targetClusterName: r.scratch!.clusterName,
    drill: { name: src.name, rtoSeconds: r.rtoSeconds, rpoSeconds: r.rpoSeconds },
  });
  const text = await pollUntil(scrape, (t) => t.includes('atlas_restore_drill_rpo_seconds'), { what: 'drill gauges' });
  const value = (name: string) =>
    Number(new RegExp(`^${name}\\{[^}]*drill="${src.name}"[^}]*\\} (\\S+)$`, 'm').exec(text)?.[1]);
  expect(value('atlas_restore_drill_last_success_timestamp_seconds')).toBeCloseTo(Date.parse(r.finishedAt) / 1000, 0);
  expect(value('atlas_restore_drill_rto_seconds')).toBeCloseTo(r.rtoSeconds!, 3);
  expect(value('atlas_restore_drill_rpo_seconds')).toBeCloseTo(r.rpoSeconds!, 3);
});

test('a failed drill: drill.failed with the reason', async () => {
  const src = addSource(sim.world);
  const r = await (await startDrill(env.client.workflow, taskQueue, drillOf(src, { minAge: '48h' }))).result();
  expect(r.outcome).toBe('FAILED');
  const [got] = await pollUntil(
    async () => eventsOf('drill.failed'),
    (l) => l.length === 1,
    { what: 'drill.failed' },
  );
  expect(signedBy(String(got.headers[SIGNATURE_HEADER]), got.raw)).toBe(true);
  expect(got.e).toMatchObject({ outcome: 'FAILED', reason: r.reason, drill: { name: src.name } });
});
