// Distinctive credentials for a run, and the scanner that must never find them: in workflow histories (payloads,
// failures, memo, search attributes, user metadata), in the worker's log lines and in CLI output. Each secret is a
// long, unique word, so a hit is a leak and never a coincidence; the scan also looks for the encodings a secret
// travels in (the Basic header of the OAuth token request, base64 of each secret).
import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

export interface ChaosSecrets {
  /** Service account (OAuth client credentials): the id is not secret, the secret is. */
  clientId: string;
  clientSecret: string;
  /** API key pair (HTTP Digest): the public key is not secret, the private key is. */
  publicKey: string;
  privateKey: string;
  /** A static bearer token (MONGODB_ATLAS_ACCESS_TOKEN). */
  accessToken: string;
  /** TEMPORAL_API_KEY: sent to the dev server (which ignores it), must appear nowhere else. */
  temporalApiKey: string;
  /** The token in the webhook URL. */
  webhookToken: string;
}

const hex = (n: number): string => randomBytes(n).toString('hex');

export function makeSecrets(): ChaosSecrets {
  return {
    clientId: `mdb_sa_id_chaos${hex(6)}`,
    clientSecret: `mdb_sa_sk_CHAOSCLIENTSECRET${hex(16)}`,
    publicKey: `chaospub${hex(4)}`,
    privateKey: `CHAOSPRIVATEKEY-${hex(4)}-${hex(2)}-${hex(2)}-${hex(2)}-${hex(6)}`,
    accessToken: `CHAOSACCESSTOKEN${hex(20)}`,
    temporalApiKey: `CHAOSTEMPORALAPIKEY${hex(16)}`,
    webhookToken: `CHAOSWEBHOOKTOKEN${hex(12)}`,
  };
}

/** The secret values by name (what must never be found). */
function secretValues(s: ChaosSecrets): Record<string, string> {
  return {
    clientSecret: s.clientSecret,
    privateKey: s.privateKey,
    accessToken: s.accessToken,
    temporalApiKey: s.temporalApiKey,
    webhookToken: s.webhookToken,
  };
}

/** Every form a secret may take on the way out: itself, base64 of it, and the service account's Basic credential. */
export function needles(s: ChaosSecrets): { name: string; value: string }[] {
  const out: { name: string; value: string }[] = [];
  for (const [name, value] of Object.entries(secretValues(s))) {
    out.push({ name, value });
    out.push({ name: `${name} (base64)`, value: Buffer.from(value).toString('base64').replace(/=+$/, '') });
  }
  const basic = Buffer.from(`${encodeURIComponent(s.clientId)}:${encodeURIComponent(s.clientSecret)}`).toString(
    'base64',
  );
  out.push({ name: 'clientSecret (Basic header)', value: basic.replace(/=+$/, '') });
  return out;
}

/** Occurrences of each needle found, by "where: secret name". */
export class SecretScan {
  readonly found = new Map<string, number>();
  scannedTexts = 0;
  scannedBytes = 0;

  constructor(readonly needles: { name: string; value: string }[]) {}

  get total(): number {
    let n = 0;
    for (const v of this.found.values()) n += v;
    return n;
  }

  text(where: string, t: string): void {
    this.scannedTexts++;
    this.scannedBytes += t.length;
    for (const n of this.needles) {
      let i = t.indexOf(n.value);
      while (i >= 0) {
        const key = `${where}: ${n.name}`;
        this.found.set(key, (this.found.get(key) ?? 0) + 1);
        i = t.indexOf(n.value, i + n.value.length);
      }
    }
  }

  /** Walks any value (a history, a describe() answer): strings as they are, byte arrays (payload data) as UTF-8. */
  value(where: string, v: unknown): void {
    const parts: string[] = [];
    const seen = new Set<unknown>();
    const walk = (x: unknown): void => {
      if (x === null || x === undefined) return;
      if (typeof x === 'string') parts.push(x);
      else if (x instanceof Uint8Array) parts.push(Buffer.from(x.buffer, x.byteOffset, x.byteLength).toString('utf8'));
      else if (typeof x === 'object') {
        if (seen.has(x)) return;
        seen.add(x);
        if (Array.isArray(x)) x.forEach(walk);
        else for (const k of Object.keys(x)) walk((x as Record<string, unknown>)[k]);
      }
    };
    walk(v);
    this.text(where, parts.join('\n'));
  }

  /** Scans a log file line by line; returns how many lines it had and how many were not JSON objects. */
  async file(where: string, path: string): Promise<{ lines: number; nonJson: number; nonJsonSamples: string[] }> {
    let lines = 0;
    let nonJson = 0;
    const nonJsonSamples: string[] = [];
    const rl = createInterface({ input: createReadStream(path), crlfDelay: Infinity });
    for await (const line of rl) {
      if (!line.trim()) continue;
      lines++;
      this.text(where, line);
      if (!isJsonObject(line)) {
        nonJson++;
        // One sample per kind of line (the first 30 characters, timestamps aside).
        const kind = line.replace(/[\d:.TZ-]{10,}/g, '').slice(0, 30);
        if (nonJsonSamples.length < 5 && !nonJsonSamples.some((x) => x.replace(/[\d:.TZ-]{10,}/g, '').startsWith(kind)))
          nonJsonSamples.push(line.slice(0, 240));
      }
    }
    return { lines, nonJson, nonJsonSamples };
  }
}

function isJsonObject(line: string): boolean {
  if (!line.startsWith('{')) return false;
  try {
    return typeof JSON.parse(line) === 'object';
  } catch {
    return false;
  }
}

/** The worker's Atlas and Temporal credentials as environment variables: all three Atlas schemes configured. */
export function credentialEnv(
  s: ChaosSecrets,
  scheme: 'service-account' | 'digest' | 'bearer' = 'service-account',
): Record<string, string> {
  return {
    ...(scheme === 'service-account'
      ? { MONGODB_ATLAS_CLIENT_ID: s.clientId, MONGODB_ATLAS_CLIENT_SECRET: s.clientSecret }
      : {}),
    ...(scheme !== 'bearer'
      ? { MONGODB_ATLAS_PUBLIC_API_KEY: s.publicKey, MONGODB_ATLAS_PRIVATE_API_KEY: s.privateKey }
      : {}),
    MONGODB_ATLAS_ACCESS_TOKEN: s.accessToken,
    // The dev server speaks plaintext; the key is sent anyway (envconfig honours TEMPORAL_TLS=false) and ignored.
    TEMPORAL_API_KEY: s.temporalApiKey,
    TEMPORAL_TLS: 'false',
  };
}

/** The simulator accepts all of them (each with the Project Owner role a restore needs). */
export function simCredentials(s: ChaosSecrets, tokenTtlS?: number) {
  return {
    serviceAccounts: [{ clientId: s.clientId, clientSecret: s.clientSecret }],
    apiKeys: [{ publicKey: s.publicKey, privateKey: s.privateKey }],
    accessTokens: [{ token: s.accessToken }],
    tokenTtlS,
  };
}
