// Who asks, when --requester is not given: $USER, else the account the CLI runs as (containers, cron and tmux often
// have no $USER). Never a made-up name: a restore that needs approval and has no requester is refused (common/input.ts).
import { userInfo } from 'node:os';

export function defaultRequester(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.USER?.trim()) return env.USER.trim();
  try {
    return userInfo().username || undefined;
  } catch {
    // No passwd entry for this uid (a container's arbitrary user).
    return undefined;
  }
}
