// The CLI's signer (issue 21 item 2): a canonical statement (policy/statement.ts) signed with the operator's SSH key
// by `ssh-keygen -Y sign` (a private key file, or a public key file whose private half an ssh-agent holds). The key
// comes from --signingKey or ATLAS_RESTORE_SIGNING_KEY and never leaves this process; only the signature travels.
import { signWithSshKey } from '../policy/ssh';
import type { SignedStatement, Statement } from '../policy/statement';
import { canonicalStatement, newStatement } from '../policy/statement';
import { EXIT } from '../common/exit-codes';
import { CliError } from './output';

export const signingKeyFrom = (flag: string | undefined): string | undefined =>
  flag ?? (process.env.ATLAS_RESTORE_SIGNING_KEY || undefined);

export async function signFor(keyPath: string, s: Omit<Statement, 'issuedAt' | 'expiresAt'>): Promise<SignedStatement> {
  const statement = canonicalStatement(newStatement(s, Date.now()));
  try {
    return { statement, signature: await signWithSshKey(keyPath, statement) };
  } catch (e) {
    throw new CliError(`cannot sign the ${s.action}: ${(e as Error).message}`, EXIT.usage);
  }
}
