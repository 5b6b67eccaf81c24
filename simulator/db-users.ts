// The drill subset's database-user operations (createGroupDatabaseUser, getGroupDatabaseUser,
// deleteGroupDatabaseUser, version 2023-01-01), with the rules ../shared/atlas/README.md "Database users" states.
// With a data plane, the user is created on (and dropped from) the wire server of each cluster it is scoped to.
// Error codes the spec does not name (duplicate user, user limit) are the simulator's choice, said here.
import { canRestore } from './auth';
import type { HandlerContext } from './handlers';
import { SimError } from './handlers';
import type { SimDbUser } from './world';
import { CLUSTER_NAME, World } from './world';

/** "at most 100 users per project" (../shared/atlas/README.md). */
const MAX_DB_USERS = 100;
const WEEK_MS = 7 * 86_400_000;
const ROLE_NAMES = new Set([
  'atlasAdmin',
  'backup',
  'clusterMonitor',
  'dbAdmin',
  'dbAdminAnyDatabase',
  'enableSharding',
  'read',
  'readAnyDatabase',
  'readWrite',
  'readWriteAnyDatabase',
]);

const missing = (field: string): SimError =>
  new SimError(400, 'MISSING_ATTRIBUTE', `The required attribute ${field} was not specified.`, [
    { field, description: 'is required' },
  ]);
const invalid = (field: string, description: string): SimError =>
  new SimError(400, 'INVALID_ATTRIBUTE', `Invalid attribute ${field} specified.`, [{ field, description }]);
const notFound = (username: string): SimError =>
  new SimError(404, 'USERNAME_NOT_FOUND', `No user with username ${username} exists.`);

/** CloudDatabaseUser as a response: no password. */
function userView(u: SimDbUser, baseUrl: string): Record<string, unknown> {
  return {
    awsIAMType: 'NONE',
    databaseName: u.databaseName,
    ...(u.deleteAfterDate ? { deleteAfterDate: u.deleteAfterDate } : {}),
    ...(u.description ? { description: u.description } : {}),
    groupId: u.groupId,
    ldapAuthType: 'NONE',
    links: [{ href: `${baseUrl}/api/atlas/v2/groups/${u.groupId}/databaseUsers/admin/${u.username}`, rel: 'self' }],
    oidcAuthType: 'NONE',
    roles: u.roles,
    scopes: u.scopes ?? [],
    username: u.username,
    x509Type: 'NONE',
  };
}

function ownerOnly(ctx: HandlerContext): void {
  if (!canRestore(ctx.role))
    throw new SimError(401, 'USER_UNAUTHORIZED', 'Current user is not authorized to perform this action.');
}

export async function createDbUser(groupId: string, body: unknown, ctx: HandlerContext): Promise<unknown> {
  ownerOnly(ctx);
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new SimError(400, 'INVALID_JSON', 'The request body must be a JSON object.');
  const b = body as Record<string, unknown>;
  for (const f of ['databaseName', 'groupId', 'roles', 'username']) if (b[f] === undefined) throw missing(f);
  if (b.databaseName !== 'admin') throw invalid('databaseName', 'SCRAM-SHA users authenticate against admin');
  if (b.groupId !== groupId) throw invalid('groupId', 'must be the project id of the path');
  const username = b.username;
  if (typeof username !== 'string' || !/^[A-Za-z0-9]{1,1024}$/.test(username))
    throw invalid('username', 'an alphanumeric string of at most 1024 characters');
  if (typeof b.password !== 'string') throw missing('password');
  if (b.password.length < 8) throw invalid('password', 'at least 8 characters');
  const roles = b.roles;
  if (
    !Array.isArray(roles) ||
    !roles.every(
      (r: { roleName?: unknown; databaseName?: unknown }) =>
        typeof r?.roleName === 'string' && ROLE_NAMES.has(r.roleName) && typeof r.databaseName === 'string',
    )
  )
    throw invalid('roles', 'each role needs a roleName and a databaseName');
  const scopes = b.scopes ?? [];
  if (
    !Array.isArray(scopes) ||
    !scopes.every(
      (s: { name?: unknown; type?: unknown }) =>
        typeof s?.name === 'string' &&
        CLUSTER_NAME.test(s.name) &&
        ['CLUSTER', 'DATA_LAKE', 'STREAM'].includes(String(s.type)),
    )
  )
    throw invalid('scopes', 'each scope needs a name and a type CLUSTER, DATA_LAKE or STREAM');
  let deleteAfterDate: string | undefined;
  if (b.deleteAfterDate !== undefined) {
    const at = typeof b.deleteAfterDate === 'string' ? Date.parse(b.deleteAfterDate) : NaN;
    if (!(at > ctx.nowMs && at <= ctx.nowMs + WEEK_MS))
      throw invalid('deleteAfterDate', 'must be a future date within one week of the request');
    deleteAfterDate = new Date(at).toISOString().replace(/\.\d{3}Z$/, 'Z');
  }
  const { world } = ctx;
  const key = World.key(groupId, username);
  if (world.dbUsers.has(key))
    throw new SimError(409, 'USER_ALREADY_EXISTS', `A user with username ${username} already exists.`);
  if ([...world.dbUsers.values()].filter((u) => u.groupId === groupId).length >= MAX_DB_USERS)
    throw new SimError(400, 'DATABASE_USER_LIMIT_EXCEEDED', `Project ${groupId} has ${MAX_DB_USERS} database users.`);
  const user: SimDbUser = {
    groupId,
    databaseName: 'admin',
    username,
    password: b.password,
    roles: roles as SimDbUser['roles'],
    scopes: scopes as SimDbUser['scopes'],
    deleteAfterDate,
    description: typeof b.description === 'string' ? b.description : undefined,
  };
  world.dbUsers.set(key, user);
  await ctx.data?.createUser(world, user);
  return userView(user, ctx.baseUrl);
}

function lookup(p: Record<string, string>, ctx: HandlerContext): SimDbUser {
  if (p.databaseName !== 'admin') throw notFound(p.username);
  const u = ctx.world.dbUsers.get(World.key(p.groupId, p.username));
  if (!u) throw notFound(p.username);
  return u;
}

export function getDbUser(p: Record<string, string>, ctx: HandlerContext): unknown {
  return userView(lookup(p, ctx), ctx.baseUrl);
}

export async function deleteDbUser(p: Record<string, string>, ctx: HandlerContext): Promise<undefined> {
  ownerOnly(ctx);
  const u = lookup(p, ctx);
  ctx.world.dbUsers.delete(World.key(p.groupId, p.username));
  await ctx.data?.dropUser(ctx.world, u);
  return undefined;
}
