// The heap of the SDK's workflow thread(s), seen from the worker's main thread through Node's public inspector
// protocol (NodeWorker domain): the workflow thread has an isolate of its own that process.memoryUsage() does not
// show, and that is where every cached workflow lives. Used by the memory probe's worker (probe-worker.ts) only.
import { Session } from 'node:inspector';

interface Attached {
  sessionId: string;
  title: string;
}

type Reply = { id?: number; result?: unknown; error?: { message: string }; method?: string; params?: unknown };

export class ThreadHeap {
  private readonly session = new Session();
  private readonly threads: Attached[] = [];
  private nextId = 1;
  private readonly pending = new Map<number, (r: Reply) => void>();
  private chunks: string[] = [];

  constructor() {
    this.session.connect();
    this.session.on('NodeWorker.attachedToWorker', (m) => {
      const p = m.params as { sessionId: string; workerInfo: { title: string } };
      this.threads.push({ sessionId: p.sessionId, title: p.workerInfo.title });
    });
    this.session.on('NodeWorker.receivedMessageFromWorker', (m) => {
      const reply = JSON.parse((m.params as { message: string }).message) as Reply;
      if (reply.method === 'HeapProfiler.addHeapSnapshotChunk')
        this.chunks.push((reply.params as { chunk: string }).chunk);
      if (reply.id !== undefined) this.pending.get(reply.id)?.(reply);
    });
    this.session.post('NodeWorker.enable', { waitForDebuggerOnStart: false });
  }

  private send(sessionId: string, method: string, params: object = {}): Promise<Reply> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, (r) => {
        this.pending.delete(id);
        resolve(r);
      });
      this.session.post('NodeWorker.sendMessageToWorker', {
        sessionId,
        message: JSON.stringify({ id, method, params }),
      });
    });
  }

  /** Used and total heap of each worker thread, MB (after a full GC when `gc`). */
  async usage(gc = false): Promise<{ title: string; usedMb: number; totalMb: number }[]> {
    const out = [];
    for (const t of this.threads) {
      if (gc) await this.send(t.sessionId, 'HeapProfiler.collectGarbage');
      const r = (await this.send(t.sessionId, 'Runtime.getHeapUsage')).result as {
        usedSize: number;
        totalSize: number;
      };
      out.push({ title: t.title, usedMb: r.usedSize / 1048576, totalMb: r.totalSize / 1048576 });
    }
    return out;
  }

  /** A heap snapshot of the first worker thread, summarised: self size by (node type, constructor or name), MB. */
  async snapshotSummary(top = 40): Promise<{ totalMb: number; nodes: number; top: [string, number, number][] }> {
    const t = this.threads[0];
    if (!t) throw new Error('no worker thread attached');
    this.chunks = [];
    await this.send(t.sessionId, 'HeapProfiler.enable');
    await this.send(t.sessionId, 'HeapProfiler.takeHeapSnapshot', { reportProgress: false });
    const snap = JSON.parse(this.chunks.join('')) as {
      snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
      nodes: number[];
      strings: string[];
    };
    this.chunks = [];
    const f = snap.snapshot.meta.node_fields;
    const [iType, iName, iSize, width] = [f.indexOf('type'), f.indexOf('name'), f.indexOf('self_size'), f.length];
    const types = snap.snapshot.meta.node_types[0];
    const by = new Map<string, [number, number]>();
    let total = 0;
    for (let i = 0; i < snap.nodes.length; i += width) {
      const type = types[snap.nodes[i + iType]];
      const name = type === 'object' || type === 'closure' ? snap.strings[snap.nodes[i + iName]] : '';
      const key = `${type}:${name.slice(0, 60)}`;
      const size = snap.nodes[i + iSize];
      const e = by.get(key) ?? [0, 0];
      e[0] += size;
      e[1] += 1;
      by.set(key, e);
      total += size;
    }
    const rows = [...by.entries()].sort((a, b) => b[1][0] - a[1][0]).slice(0, top);
    return {
      totalMb: total / 1048576,
      nodes: snap.nodes.length / width,
      top: rows.map(([k, [s, c]]) => [k, Math.round((s / 1048576) * 100) / 100, c]),
    };
  }
}
