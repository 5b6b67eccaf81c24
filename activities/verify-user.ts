// The verify step's temporary database user: read-only by role (readAnyDatabase@admin), scoped to the target cluster,
// removed by Atlas itself at deleteAfterDate if the worker dies before deleting it. Its password is generated here and
// lives only in this activity's memory: never in a result, a log line or an error message.
import { randomBytes } from 'node:crypto';
import type { AtlasClient } from '../atlas/client';

/** How long Atlas keeps the user if we never delete it (Atlas allows up to a week). */
const USER_TTL_MS = 4 * 3_600_000;

export interface TempUser {
  username: string;
  password: string;
  deleteAfterDate: string;
}

/** Letters and digits only (the spec: "Alphanumeric string"); random per attempt, so a retried verify never collides. */
const newUsername = (): string => `arverify${randomBytes(8).toString('hex')}`;

export async function createTempUser(
  atlas: AtlasClient,
  groupId: string,
  cluster: string,
  nowMs = Date.now(),
): Promise<TempUser> {
  const user: TempUser = {
    username: newUsername(),
    password: randomBytes(24).toString('base64url'),
    deleteAfterDate: new Date(nowMs + USER_TTL_MS).toISOString().replace(/\.\d{3}Z$/, 'Z'),
  };
  await atlas.createDatabaseUser(groupId, {
    username: user.username,
    password: user.password,
    roles: [{ roleName: 'readAnyDatabase', databaseName: 'admin' }],
    scopes: [{ name: cluster, type: 'CLUSTER' }],
    deleteAfterDate: user.deleteAfterDate,
    description: 'atlas-restore verify (temporary, read-only)',
  });
  return user;
}
