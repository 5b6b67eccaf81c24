// Process faults. The worker is SIGKILLed at chosen points of chosen restores: a delayed Atlas answer (shorter than
// the client's timeout, so nothing else changes) or a held webhook call keeps the worker provably inside that step
// while the kill lands. Then it is started again, as a supervisor would. Server restarts go through the same lock,
// so the two never overlap.
import type { FaultRule } from '../product/dev-tools';
import type { FaultBook } from './faults';
import { opFor } from './faults';
import type { ChaosPair } from './estate';
import { sleep } from '../kit/time';
import { Mutex } from './mutex';
import type { Rng } from '../kit/rng';
import type { KillPoint } from './scenarios';
import type { DevServerProcess } from '../product/dev-tools';
import type { WebhookReceiver } from './webhook';
import type { WorkerSupervisor } from '../kit/worker-supervisor';

/** How much longer than an Atlas call the webhook holds a notification. */
const WEBHOOK_EXTRA_HOLD_MS = 3_000;

export interface KillRecord {
  /** Where the worker was held when it died; 'random' for top-up kills at arbitrary moments. */
  point: KillPoint | 'random';
  restore?: number;
  atMs: number;
  /** Worker generation killed. */
  generation: number;
}

interface KillTask {
  pair: ChaosPair;
  workflowId: string;
  point: KillPoint;
  rule?: FaultRule;
  /** When the worker entered the hold. */
  enteredAt?: number;
  state: 'armed' | 'triggered' | 'done' | 'missed';
}

export interface KillControllerOptions {
  book: FaultBook;
  worker: WorkerSupervisor;
  server: DevServerProcess;
  webhook: WebhookReceiver;
  rng: Rng;
  /** How long a hold keeps the worker in its step (must stay below the worker's Atlas request timeout). */
  holdMs: number;
  log: (line: string) => void;
}

export class KillController {
  readonly kills: KillRecord[] = [];
  readonly serverRestarts: { atMs: number; downMs: number }[] = [];
  readonly #tasks: KillTask[] = [];
  readonly #lock = new Mutex();
  #timer?: NodeJS.Timeout;

  constructor(readonly o: KillControllerOptions) {
    o.webhook.onArrive = (n) => this.#onWebhook(n.workflowId);
  }

  /** Before a restore starts: sets the trap that will hold the worker at the restore's kill point. */
  arm(pair: ChaosPair, workflowId: string): void {
    const point = pair.plan.killPoint;
    if (!point) return;
    const task: KillTask = { pair, workflowId, point, state: 'armed' };
    this.#tasks.push(task);
    const hold = (step: 'cluster' | 'restores' | 'create' | 'job', skip?: number): FaultRule =>
      this.o.book.add('hold', {
        operation: step === 'cluster' ? 'getCluster' : opFor(pair.plan.backend, step),
        groupId: pair.projectId,
        skip,
        times: 1,
        action: { kind: 'delay', ms: this.o.holdMs },
      });
    // The first call of a preflight is always getCluster (also for Flex sources, which answer it with a routing error).
    if (point === 'preflight') task.rule = hold('cluster');
    // The preflight lists restore jobs once; the submit's adopt-before-create lookup is the second listing.
    else if (point === 'submit') task.rule = hold('restores', 1);
    else if (point === 'create') task.rule = hold('create');
    // A poll (the first: with kills and restarts around, a short job may be done by the second).
    else if (point === 'poll') task.rule = hold('job');
    // The webhook may hold longer than an Atlas call (the worker waits 10 s for it).
    else if (point === 'compensation-notify')
      this.o.webhook.holdMs.set(workflowId, this.o.holdMs + WEBHOOK_EXTRA_HOLD_MS);
    // compensation-rollback: armed when the notify step (just before the rollback) reaches the webhook.
  }

  start(): void {
    this.#timer = setInterval(() => this.#tick(), 20);
  }

  stop(): void {
    clearInterval(this.#timer);
  }

  get pending(): number {
    return this.#tasks.filter((t) => t.state === 'armed' || t.state === 'triggered').length;
  }

  /** Resolves when no disruption is running or waiting, and the worker is up. */
  async idle(): Promise<void> {
    await this.#lock.run(() => this.o.worker.start());
  }

  /** The restore has ended: a trap it never walked into is a missed kill point. */
  expire(workflowId: string): void {
    for (const t of this.#tasks) if (t.workflowId === workflowId && t.state === 'armed') t.state = 'missed';
  }

  #tick(): void {
    for (const t of this.#tasks) {
      if (t.state !== 'armed' || !t.rule) continue;
      if (this.o.book.stats(t.rule).applied > 0) this.#trigger(t);
    }
  }

  #onWebhook(workflowId: string): void {
    const t = this.#tasks.find((x) => x.workflowId === workflowId && x.state === 'armed');
    if (!t) return;
    if (t.point === 'compensation-notify') this.#trigger(t);
    else if (t.point === 'compensation-rollback' && !t.rule) {
      // The rollback's submit starts with the adopt-before-create listing of restore jobs (the target as source).
      t.rule = this.o.book.add('hold', {
        operation: opFor(t.pair.plan.backend, 'restores'),
        groupId: t.pair.projectId,
        times: 1,
        action: { kind: 'delay', ms: this.o.holdMs },
      });
    }
  }

  #trigger(t: KillTask): void {
    t.state = 'triggered';
    t.enteredAt = Date.now();
    // Somewhere inside the hold, not always at its start.
    const offset = this.o.rng.int(0, (this.o.holdMs - 150) / 2);
    void this.#lock.run(async () => {
      await sleep(Math.max(0, t.enteredAt! + offset - Date.now()));
      // Still inside the hold? Otherwise the worker has moved on.
      const holdMs = this.o.holdMs + (t.point === 'compensation-notify' ? WEBHOOK_EXTRA_HOLD_MS : 0);
      const inHold = (): boolean => Date.now() - t.enteredAt! < holdMs - 150;
      const missed = (why: string) => {
        t.state = 'missed';
        this.o.log(`kill at ${t.point} of restore ${t.pair.plan.index} missed: ${why}`);
      };
      // The worker that walked into the hold may already be dead (killed at another restore's point a moment ago).
      if (!this.o.worker.alive) return missed('that worker is already dead');
      if (!inHold()) return missed('the hold ended while another disruption ran');
      await this.#kill(t.point, t.pair.plan.index);
      t.state = 'done';
    });
  }

  /** A kill at an arbitrary moment (tops up the count when planned kill points were missed). */
  randomKill(): Promise<void> {
    return this.#lock.run(async () => {
      // A worker that is up and at work (not one still bundling its workflows).
      await this.o.worker.start();
      await sleep(this.o.rng.int(1_000, 4_000));
      await this.#kill('random');
    });
  }

  /** SIGKILL the Temporal server, keep it down a moment, start it again on the same port and database. */
  restartServer(downMs: number): Promise<void> {
    return this.#lock.run(async () => {
      // Not while a worker starts: it would find no server and exit (a different test).
      await this.o.worker.ready();
      this.o.log(`server: SIGKILL, down for ${downMs} ms`);
      const atMs = Date.now();
      await this.o.server.restart(downMs);
      this.serverRestarts.push({ atMs, downMs });
      this.o.log(`server: back after ${Date.now() - atMs} ms`);
    });
  }

  async #kill(point: KillPoint | 'random', restore?: number): Promise<void> {
    const w = this.o.worker;
    const generation = w.generation;
    await w.kill9();
    this.kills.push({ point, restore, atMs: Date.now(), generation });
    this.o.log(
      `worker: SIGKILL generation ${generation} at ${point}${restore !== undefined ? ` of restore ${restore}` : ''} (kill ${this.kills.length})`,
    );
    // A supervisor's restart delay; the restart runs outside the lock (bundling takes seconds).
    void sleep(this.o.rng.int(200, 1_000)).then(() =>
      w.start().catch((e: unknown) => this.o.log(`worker restart failed: ${(e as Error).message}`)),
    );
  }
}
