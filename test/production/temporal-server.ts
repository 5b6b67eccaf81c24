// Temporal Server (built by scripts/setup-temporal-server.mjs) as the image runs it: `temporal-server start` with
// the built-in config, rendered from the environment (compose's, with loopback addresses and free ports here).
// Ports below 32768: cluster membership stores them in a smallint column.
import type { ChildProcess } from 'node:child_process';
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { temporalCliPath } from '../../devserver/binaries';

/** A free loopback port in [20000, 32000), none of `taken`. */
export async function lowPort(taken: number[] = []): Promise<number> {
  for (;;) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    if (taken.includes(port)) continue;
    const free = await new Promise<boolean>((resolve) => {
      const s = createServer();
      s.once('error', () => resolve(false));
      s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
    });
    if (free) return port;
  }
}

const PORT_VARS = [
  'FRONTEND_GRPC_PORT',
  'FRONTEND_HTTP_PORT',
  'FRONTEND_MEMBERSHIP_PORT',
  'HISTORY_GRPC_PORT',
  'HISTORY_MEMBERSHIP_PORT',
  'MATCHING_GRPC_PORT',
  'MATCHING_MEMBERSHIP_PORT',
  'WORKER_GRPC_PORT',
  'WORKER_MEMBERSHIP_PORT',
] as const;

export async function serverPorts(): Promise<Record<(typeof PORT_VARS)[number], string>> {
  const taken: number[] = [];
  for (const _ of PORT_VARS) taken.push(await lowPort(taken));
  return Object.fromEntries(PORT_VARS.map((k, i) => [k, String(taken[i])])) as Record<
    (typeof PORT_VARS)[number],
    string
  >;
}

export class TemporalServer {
  #proc?: ChildProcess;
  #out = '';
  readonly address: string;

  constructor(
    private readonly bin: string,
    private readonly env: NodeJS.ProcessEnv,
  ) {
    this.address = `127.0.0.1:${env.FRONTEND_GRPC_PORT}`;
  }

  output(): string {
    return this.#out.slice(-20_000);
  }

  /** Starts the server and waits until its frontend reports SERVING (the Temporal CLI, as the namespace step asks). */
  async start(timeoutMs = 90_000): Promise<void> {
    const proc = spawn(this.bin, ['start'], { env: this.env, stdio: ['ignore', 'pipe', 'pipe'] });
    this.#proc = proc;
    const keep = (d: Buffer) => {
      this.#out = (this.#out + d.toString()).slice(-200_000);
    };
    proc.stdout!.on('data', keep);
    proc.stderr!.on('data', keep);
    const t0 = Date.now();
    for (;;) {
      if (proc.exitCode !== null) throw new Error(`temporal-server exited ${proc.exitCode}:\n${this.output()}`);
      const r = spawnSync(temporalCliPath(), ['operator', 'cluster', 'health', '--address', this.address], {
        encoding: 'utf8',
        timeout: 10_000,
      });
      if (r.status === 0 && r.stdout.includes('SERVING')) return;
      if (Date.now() - t0 > timeoutMs)
        throw new Error(`temporal-server not serving after ${timeoutMs} ms:\n${this.output()}`);
      await new Promise((res) => setTimeout(res, 500));
    }
  }

  /** SIGKILL: a crash, nothing flushed or handed over. */
  async kill9(): Promise<void> {
    await this.#signal('SIGKILL');
  }

  async stop(): Promise<void> {
    await this.#signal('SIGTERM', 20_000);
  }

  async #signal(sig: NodeJS.Signals, killAfterMs?: number): Promise<void> {
    const p = this.#proc;
    if (!p || p.exitCode !== null || p.signalCode !== null) return;
    const exited = new Promise<void>((r) => p.once('exit', () => r()));
    p.kill(sig);
    const t = killAfterMs ? setTimeout(() => p.kill('SIGKILL'), killAfterMs) : undefined;
    await exited;
    if (t) clearTimeout(t);
  }
}
