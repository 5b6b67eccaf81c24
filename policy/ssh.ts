// SSH signatures (SSHSIG, as `ssh-keygen -Y sign` writes them and git uses them for signed commits), verified against
// git's allowed_signers file the same way git does it: by running `ssh-keygen -Y find-principals` and `-Y verify`
// (execFile, no shell). One verifier behind an interface, so a second one (OIDC ID tokens) can sit next to it later.
import { execFile, spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SIGNATURE_NAMESPACE } from './statement';

export type Verification = { ok: true; principal: string } | { ok: false; reason: string };

/** Proves who signed a statement. */
export interface IdentityVerifier {
  readonly kind: string;
  verify(statement: string, signature: string): Promise<Verification>;
}

const SSH_KEYGEN = process.env.ATLAS_RESTORE_SSH_KEYGEN ?? 'ssh-keygen';
const ARMOR = /^-----BEGIN SSH SIGNATURE-----\n[A-Za-z0-9+/=\n]{1,8000}-----END SSH SIGNATURE-----\n?$/;

function run(args: string[], input?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const p = execFile(SSH_KEYGEN, args, { timeout: 10_000, maxBuffer: 64 * 1024 }, (err, stdout, stderr) =>
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr }),
    );
    // ssh-keygen may exit before reading its input (find-principals reads none): a late write must not crash us.
    p.stdin?.on('error', () => undefined);
    p.stdin?.end(input);
  });
}

export class SshVerifier implements IdentityVerifier {
  readonly kind = 'ssh';
  constructor(readonly allowedSigners: string) {}

  async verify(statement: string, signature: string): Promise<Verification> {
    if (!ARMOR.test(signature)) return { ok: false, reason: 'the signature is not an armored SSH signature' };
    const dir = await mkdtemp(join(tmpdir(), 'atlas-restore-sig-'));
    try {
      const sig = join(dir, 'statement.sig');
      await writeFile(sig, signature.endsWith('\n') ? signature : `${signature}\n`);
      // Which listed principals hold the signing key (the key is read from the signature itself).
      const found = await run(['-Y', 'find-principals', '-s', sig, '-f', this.allowedSigners]);
      const principals = found.code === 0 ? found.stdout.split('\n').filter(Boolean) : [];
      if (!principals.length) return { ok: false, reason: 'the signing key is not in allowed_signers' };
      const principal = principals[0];
      const v = await run(
        ['-Y', 'verify', '-f', this.allowedSigners, '-I', principal, '-n', SIGNATURE_NAMESPACE, '-s', sig],
        statement,
      );
      if (v.code !== 0) return { ok: false, reason: `the signature does not verify (${firstLine(v.stderr)})` };
      return { ok: true, principal };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
}

/** Whether ssh-keygen can be run at all (checked at worker start, so a missing binary is a configuration error). */
export const sshKeygenMissing = (): boolean =>
  (spawnSync(SSH_KEYGEN, ['-Y'], { stdio: 'ignore' }).error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';

const firstLine = (s: string): string => s.split(/\r?\n/).find(Boolean)?.trim().slice(0, 200) ?? 'ssh-keygen failed';

/** `ssh-keygen -Y sign` with a private key file (or a public key with an agent): the CLI's signer. */
export async function signWithSshKey(keyPath: string, statement: string): Promise<string> {
  const r = await run(['-Y', 'sign', '-f', keyPath, '-n', SIGNATURE_NAMESPACE], statement);
  if (r.code !== 0 || !ARMOR.test(r.stdout)) throw new Error(`ssh-keygen -Y sign failed: ${firstLine(r.stderr)}`);
  return r.stdout;
}
