// A throwaway PostgreSQL cluster (Debian's postgresql package): initdb into a temporary folder, loopback only, a
// random password (scram-sha-256), stopped and removed by stop(). PostgreSQL refuses to run as root: when the test
// runs as root, initdb and pg_ctl run as the `postgres` user (runuser).
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Postgres {
  port: number;
  user: string;
  password: string;
  logFile: string;
  /** psql/createdb/... from the same installation, as the database user over TCP. */
  run(tool: string, args: string[]): string;
  stop(): void;
}

/** The server binaries: PG_BIN, else Debian's newest /usr/lib/postgresql/<n>/bin. */
function binDir(): string {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const base = '/usr/lib/postgresql';
  const versions = existsSync(base)
    ? readdirSync(base)
        .filter((v) => existsSync(join(base, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (!versions.length)
    throw new Error('PostgreSQL server binaries not found: apt-get install postgresql (.ci/run does), or set PG_BIN');
  return join(base, versions[0], 'bin');
}

export function startPostgres(port: number): Postgres {
  const bin = binDir();
  const dir = mkdtempSync(join(tmpdir(), 'atlas-restore-pg-'));
  const data = join(dir, 'data');
  const logFile = join(dir, 'postgres.log');
  const password = randomBytes(16).toString('hex');
  const user = 'temporal';
  const asRoot = process.getuid?.() === 0;
  const owner = asRoot ? Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim()) : undefined;
  writeFileSync(join(dir, 'pw'), password + '\n', { mode: 0o600 });
  if (owner !== undefined) {
    const group = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, owner, group);
    chownSync(join(dir, 'pw'), owner, group);
  }
  const asOwner = (cmd: string, args: string[]) => {
    const [c, a] = asRoot ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args];
    const r = spawnSync(c, a, { encoding: 'utf8', cwd: dir });
    if (r.status !== 0) throw new Error(`${cmd} failed (${r.status}): ${r.stderr || r.stdout}`);
  };
  asOwner(join(bin, 'initdb'), [
    '-D',
    data,
    '-U',
    user,
    `--pwfile=${join(dir, 'pw')}`,
    '--auth=scram-sha-256',
    '-E',
    'UTF8',
    '--no-sync',
  ]);
  // Loopback TCP only; the unix socket in the throwaway folder, not /var/run.
  asOwner(join(bin, 'pg_ctl'), [
    '-D',
    data,
    '-l',
    logFile,
    '-w',
    '-t',
    '60',
    '-o',
    `-c listen_addresses=127.0.0.1 -p ${port} -c unix_socket_directories=${dir} -c fsync=off -c max_connections=200`,
    'start',
  ]);
  let stopped = false;
  return {
    port,
    user,
    password,
    logFile,
    run(tool, args) {
      return execFileSync(join(bin, tool), ['-h', '127.0.0.1', '-p', String(port), '-U', user, ...args], {
        encoding: 'utf8',
        env: { PATH: process.env.PATH, PGPASSWORD: password },
      });
    },
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        asOwner(join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop']);
      } finally {
        if (process.env.KEEP_PG_LOG) process.stderr.write(readFileSync(logFile, 'utf8'));
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
