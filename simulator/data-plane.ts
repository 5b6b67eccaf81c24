// The simulated clusters' data: one FerretDB (a real MongoDB wire server) per cluster, started on demand, so
// `listDatabases` on a target shows that target only. A completed restore job replaces the target's data with its
// snapshot's dataset ("deletes all data on the target"); database users created through the Admin API are created on
// the FerretDB of each cluster they are scoped to, so a wrong password is refused by the wire server itself.
// Off unless the simulator is given one: tests that need no data start no process.
import { createServer } from 'node:net';
import type { Server } from 'node:net';
import { MongoClient } from 'mongodb';
import { FerretDbProcess } from '../devserver/ferretdb';
import type { SimDataset } from './datasets';
import { applyPartial, datasetFor, documentsOf } from './datasets';
import type { SimCluster, SimDbUser, World } from './world';
import { World as W } from './world';

/** Databases a restore never touches (FerretDB's own and the users' store). */
const SYSTEM_DBS = new Set(['admin', 'config', 'local']);

interface Node {
  ferret: FerretDbProcess;
  started: Promise<void>;
  /** The access-list fault: a listener that closes every connection, as Atlas's proxy does for an unlisted IP. */
  refuser?: Server;
  refuserPort?: number;
  /** A restart scheduled by the "answers only after a delay" fault. */
  restart?: NodeJS.Timeout;
}

export class DataPlane {
  readonly #nodes = new Map<string, Node>();
  /** How many FerretDB processes this plane started (the tests' and the benchmark's cost figure). */
  started = 0;

  /** The running node of a cluster, started (with its project's users) on first use. */
  async #node(world: World, c: SimCluster): Promise<Node> {
    const key = W.key(c.groupId, c.name);
    let n = this.#nodes.get(key);
    if (!n) {
      const ferret = new FerretDbProcess();
      const node: Node = {
        ferret,
        started: ferret.start().then(async () => {
          this.started++;
          for (const u of world.dbUsersFor(c)) await this.#createUser(ferret, u);
        }),
      };
      this.#nodes.set(key, node);
      n = node;
    }
    await n.started;
    return n;
  }

  /** connectionStrings for a cluster description: `standard` only (an SRV record needs DNS the simulator has not). */
  async connectionStrings(world: World, c: SimCluster): Promise<{ standard: string }> {
    const n = await this.#node(world, c);
    if (c.accessListRefused) {
      if (!n.refuser) {
        const refuser = createServer((s) => s.destroy());
        n.refuser = refuser;
        n.refuserPort = await new Promise<number>((resolve) =>
          refuser.listen(0, '127.0.0.1', () => resolve((refuser.address() as { port: number }).port)),
        );
      }
      return { standard: `mongodb://127.0.0.1:${n.refuserPort}/?directConnection=true` };
    }
    return { standard: `mongodb://127.0.0.1:${n.ferret.port}/?directConnection=true` };
  }

  /** A running node's connection strings, without starting one (list answers). */
  peek(c: SimCluster): { standard: string } | undefined {
    const n = this.#nodes.get(W.key(c.groupId, c.name));
    return n?.ferret.running && !c.accessListRefused
      ? { standard: `mongodb://127.0.0.1:${n.ferret.port}/?directConnection=true` }
      : undefined;
  }

  #settling: Promise<void> = Promise.resolve();

  /**
   * Applies completed restore jobs (once each), expires users past deleteAfterDate, stops deleted clusters' nodes.
   * Serialised: a request that arrives while a restore's data is being written waits for it, so no caller sees a
   * COMPLETED job before its data is there.
   */
  settle(world: World, nowMs: number): Promise<void> {
    const run = this.#settling.then(() => this.#settle(world, nowMs));
    this.#settling = run.catch(() => undefined);
    return run;
  }

  async #settle(world: World, nowMs: number): Promise<void> {
    const done = [...world.jobs.values()]
      .filter((j) => !j.dataApplied && world.jobStatus(j, nowMs) === 'COMPLETED')
      .sort((a, b) => a.createdAtMs + a.durationMs - (b.createdAtMs + b.durationMs));
    for (const j of done) {
      j.dataApplied = true;
      const target = world.cluster(j.targetProjectId, j.targetCluster);
      if (!target) continue;
      const snap = world.snapshots.get(j.snapshotId);
      const dataset = applyPartial(snap?.dataset ?? datasetFor(j.snapshotId), target.partialRestore);
      const n = await this.#node(world, target);
      await this.#replace(n.ferret, dataset);
      if (target.answersAfterMs) await this.#unreachableFor(world, target, n, target.answersAfterMs);
    }
    for (const u of world.expireDbUsers(nowMs)) await this.dropUser(world, u);
    for (const [key, n] of this.#nodes)
      if (!world.clusters.has(key)) {
        this.#nodes.delete(key);
        await this.#stopNode(n);
      }
  }

  async createUser(world: World, u: SimDbUser): Promise<void> {
    for (const c of world.clustersOf(u)) {
      const n = this.#nodes.get(W.key(c.groupId, c.name));
      if (!n) continue;
      await n.started;
      // A node that is not up yet (or down for a while) gets the user when it starts.
      if (n.ferret.running && !n.restart) await this.#createUser(n.ferret, u);
    }
  }

  async dropUser(world: World, u: SimDbUser): Promise<void> {
    for (const c of world.clustersOf(u)) {
      const n = this.#nodes.get(W.key(c.groupId, c.name));
      if (!n) continue;
      await n.started;
      if (n.ferret.running && !n.restart)
        await this.#admin(n.ferret, (cl) => cl.db('admin').command({ dropUser: u.username }));
    }
  }

  async stop(): Promise<void> {
    const nodes = [...this.#nodes.values()];
    this.#nodes.clear();
    await Promise.all(nodes.map((n) => this.#stopNode(n)));
  }

  async #stopNode(n: Node): Promise<void> {
    clearTimeout(n.restart);
    await n.started.catch(() => undefined);
    await n.ferret.stop();
    if (n.refuser) await new Promise<void>((r) => n.refuser!.close(() => r()));
  }

  /** The "answers only after a delay" fault: the node goes down, and comes back on its port after `ms`. */
  async #unreachableFor(world: World, c: SimCluster, n: Node, ms: number): Promise<void> {
    await n.ferret.pause();
    n.restart = setTimeout(() => {
      n.started = n.ferret.start().then(async () => {
        n.restart = undefined;
        // Users created while it was down; the others are still in its SQLite files.
        for (const u of world.dbUsersFor(c)) await this.#createUser(n.ferret, u);
      });
      n.started.catch(() => undefined);
    }, ms);
  }

  async #createUser(f: FerretDbProcess, u: SimDbUser): Promise<void> {
    // FerretDB 1.24 implements no roles ("not implemented yet"): the user can log in and read everything.
    await this.#admin(f, async (cl) => {
      const { users } = await cl.db('admin').command({ usersInfo: u.username });
      if (!(users as unknown[]).length)
        await cl.db('admin').command({ createUser: u.username, pwd: u.password, roles: [] });
    });
  }

  async #replace(f: FerretDbProcess, ds: SimDataset): Promise<void> {
    await this.#admin(f, async (cl) => {
      const { databases } = await cl.db('admin').admin().listDatabases({ nameOnly: true });
      for (const d of databases) if (!SYSTEM_DBS.has(d.name)) await cl.db(d.name).dropDatabase();
      for (const d of ds.databases)
        for (const c of d.collections) {
          const coll = cl.db(d.name).collection<ReturnType<typeof documentsOf>[number]>(c.name);
          const docs = documentsOf(c);
          if (docs.length) await coll.insertMany(docs, { ordered: false });
          else await cl.db(d.name).createCollection(c.name);
          for (const field of c.indexes ?? []) await coll.createIndex({ [field]: 1 }, { name: `${field}_1` });
        }
    });
  }

  async #admin<T>(f: FerretDbProcess, fn: (c: MongoClient) => Promise<T>): Promise<T> {
    const client = new MongoClient(f.adminUri(), { serverSelectionTimeoutMS: 10_000 });
    try {
      return await fn(client);
    } finally {
      await client.close();
    }
  }
}
