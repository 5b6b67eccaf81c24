// Atlas connection settings from the environment, with the Atlas tools' own variable names. The worker is the only
// process that reads credentials; they never travel through Temporal.
import { HttpClient } from 'urllib';
import { z } from 'zod';
import type { AtlasAuth } from './auth';
import { BearerAuth, DigestAuth, NoAuth, ServiceAccountAuth } from './auth';
import { baseUrlProblem } from './base-url';
import { AtlasClient } from './client';
import type { CallRecord } from './http';
import { AtlasHttp, USER_AGENT } from './http';

const DEFAULT_ATLAS_BASE_URL = 'https://cloud.mongodb.com';

const AtlasEnvSchema = z
  .object({
    MONGODB_ATLAS_BASE_URL: z
      .string()
      .default(DEFAULT_ATLAS_BASE_URL)
      .superRefine((u, ctx) => {
        const problem = baseUrlProblem(u);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      }),
    MONGODB_ATLAS_CLIENT_ID: z.string().min(1).optional(),
    MONGODB_ATLAS_CLIENT_SECRET: z.string().min(1).optional(),
    MONGODB_ATLAS_PUBLIC_API_KEY: z.string().min(1).optional(),
    MONGODB_ATLAS_PRIVATE_API_KEY: z.string().min(1).optional(),
    MONGODB_ATLAS_ACCESS_TOKEN: z.string().min(1).optional(),
    ATLAS_RESTORE_HTTP_TIMEOUT_MS: z.coerce.number().int().min(100).max(300_000).default(20_000),
  })
  .superRefine((e, ctx) => {
    const pair = (a: keyof typeof e, b: keyof typeof e) => {
      if (!!e[a] !== !!e[b])
        ctx.addIssue({ code: 'custom', path: [e[a] ? b : a], message: `is required together with ${e[a] ? a : b}` });
    };
    pair('MONGODB_ATLAS_CLIENT_ID', 'MONGODB_ATLAS_CLIENT_SECRET');
    pair('MONGODB_ATLAS_PUBLIC_API_KEY', 'MONGODB_ATLAS_PRIVATE_API_KEY');
  });

export interface AtlasSettings {
  baseUrl: string;
  timeoutMs: number;
  auth: AtlasAuth;
}

/**
 * Reads Atlas settings. Precedence follows the Atlas CLI: service account, then API keys, then a static token.
 * With no credentials at all, calls go out unauthenticated (only useful against a simulator without auth).
 */
export function atlasSettingsFromEnv(env: NodeJS.ProcessEnv = process.env, http = new HttpClient()): AtlasSettings {
  const parsed = AtlasEnvSchema.safeParse(env);
  // Names the variable and the rule, never the value (it may be a secret).
  if (!parsed.success)
    throw new Error(
      `invalid Atlas settings: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`,
    );
  const e = parsed.data;
  const baseUrl = e.MONGODB_ATLAS_BASE_URL.replace(/\/$/, '');
  const timeoutMs = e.ATLAS_RESTORE_HTTP_TIMEOUT_MS;
  let auth: AtlasAuth;
  if (e.MONGODB_ATLAS_CLIENT_ID && e.MONGODB_ATLAS_CLIENT_SECRET)
    auth = new ServiceAccountAuth({
      baseUrl,
      clientId: e.MONGODB_ATLAS_CLIENT_ID,
      clientSecret: e.MONGODB_ATLAS_CLIENT_SECRET,
      http,
      timeoutMs,
      userAgent: USER_AGENT,
    });
  else if (e.MONGODB_ATLAS_PUBLIC_API_KEY && e.MONGODB_ATLAS_PRIVATE_API_KEY)
    auth = new DigestAuth(e.MONGODB_ATLAS_PUBLIC_API_KEY, e.MONGODB_ATLAS_PRIVATE_API_KEY);
  else if (e.MONGODB_ATLAS_ACCESS_TOKEN) auth = new BearerAuth(e.MONGODB_ATLAS_ACCESS_TOKEN);
  else auth = new NoAuth();
  return { baseUrl, timeoutMs, auth };
}

export function atlasClientFromEnv(
  env: NodeJS.ProcessEnv = process.env,
  onCall?: (c: CallRecord) => void,
): AtlasClient {
  const http = new HttpClient();
  const s = atlasSettingsFromEnv(env, http);
  return new AtlasClient(new AtlasHttp({ baseUrl: s.baseUrl, auth: s.auth, timeoutMs: s.timeoutMs, http, onCall }));
}
