// `atlas-restore worker`: a long-running worker configured from the environment. Credentials are read here, in the
// worker process, and nowhere else.
import { Runtime } from '@temporalio/worker';
import { atlasClientFromEnv } from '../atlas/config';
import { connectClient, connectWorker, temporalTargetFromEnv } from '../client/connection';
import { DEFAULT_TASK_QUEUE } from '../common/constants';
import { createRestoreWorker } from './worker';

export interface WorkerMainOptions {
  taskQueue?: string;
}

export async function runWorkerFromEnv(o: WorkerMainOptions = {}, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const atlas = atlasClientFromEnv(env);
  const target = temporalTargetFromEnv(env);
  Runtime.install({});
  const connection = await connectWorker(target);
  const temporal = await connectClient(target);
  const taskQueue = o.taskQueue ?? env.ATLAS_RESTORE_TASK_QUEUE ?? DEFAULT_TASK_QUEUE;
  const worker = await createRestoreWorker({ connection, namespace: target.namespace, taskQueue, atlas, temporal, webhookUrl: env.ATLAS_RESTORE_WEBHOOK_URL });
  process.stderr.write(`atlas-restore worker: namespace ${target.namespace}, task queue ${taskQueue}, Atlas ${atlas.http.baseUrl} (${atlas.http.auth.scheme})\n`);
  await worker.run();
  await connection.close();
}
