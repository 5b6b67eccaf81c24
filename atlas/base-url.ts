// Where Atlas calls may go. Credentials (a bearer token, a client secret in Basic auth) travel in headers, so plain
// http is refused unless the host is this machine (the simulator). Checked where a base URL enters: the env
// (atlas/config.ts), the transport (atlas/http.ts) and the token exchange (atlas/auth.ts).

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/** True for a host name that always means this machine. */
export const isLoopback = (host: string): boolean =>
  LOOPBACK_NAMES.has(host.toLowerCase()) || /^127\.\d+\.\d+\.\d+$/.test(host);

/** Why a base URL is not acceptable, or undefined when it is. */
export function baseUrlProblem(raw: string): string | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'must be a URL such as https://cloud.mongodb.com';
  }
  if (url.username || url.password) return 'must not carry credentials';
  if (url.protocol === 'https:') return undefined;
  if (url.protocol === 'http:' && isLoopback(url.hostname)) return undefined;
  return 'must use https:// (plain http:// is allowed only for a loopback host such as 127.0.0.1)';
}

/** Returns the base URL without a trailing slash, or throws when it is not acceptable. */
export function checkedBaseUrl(raw: string): string {
  const problem = baseUrlProblem(raw);
  if (problem) throw new Error(`Atlas base URL ${problem}`);
  return raw.replace(/\/+$/, '');
}
