// What docker-compose.yml runs for Temporal, read from the file itself: the deployment scripts each step mounts
// (deploy/*.sh) and each service's environment. test/production runs exactly these, with only the addresses changed
// (one host, loopback, free ports), so the test and compose cannot drift apart; compose.test.ts checks the mapping.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

export const root = join(__dirname, '..', '..');

interface Service {
  image?: string;
  entrypoint?: string[];
  environment?: Record<string, string>;
  volumes?: string[];
}

const compose = (): Record<string, Service> =>
  (parse(readFileSync(join(root, 'docker-compose.yml'), 'utf8')) as { services: Record<string, Service> }).services;

/** A compose service's environment, `${VAR:?...}`/`${VAR:-x}` left as written (the test supplies the secrets). */
export const composeEnv = (service: string): Record<string, string> => ({ ...compose()[service].environment });

/** The repo file a step runs: its entrypoint `/bin/sh /deploy/<file>` through the `./deploy:/deploy:ro` mount. */
export function composeScript(service: string): string {
  const svc = compose()[service];
  const [shell, script] = svc.entrypoint ?? [];
  if (shell !== '/bin/sh' || !script?.startsWith('/deploy/') || !svc.volumes?.includes('./deploy:/deploy:ro'))
    throw new Error(`${service}: expected entrypoint ['/bin/sh', '/deploy/<script>'] with ./deploy mounted at /deploy`);
  return join(root, 'deploy', script.slice('/deploy/'.length));
}

/** The repo file the server reads as its dynamic config (DYNAMIC_CONFIG_FILE_PATH through the mounted folder). */
export function composeDynamicConfig(): string {
  const svc = compose().temporal;
  const mount = (svc.volumes ?? []).find((v) => v.startsWith('./deploy/dynamicconfig:'));
  const inContainer = mount?.split(':')[1];
  const path = svc.environment?.DYNAMIC_CONFIG_FILE_PATH;
  if (!inContainer || !path?.startsWith(inContainer + '/'))
    throw new Error('temporal: DYNAMIC_CONFIG_FILE_PATH must point into the mounted ./deploy/dynamicconfig');
  return join(root, 'deploy', 'dynamicconfig', path.slice(inContainer.length + 1));
}

export const versions = (): { temporalServer: string; temporalUi: string } =>
  JSON.parse(readFileSync(join(root, 'deploy', 'versions.json'), 'utf8')) as {
    temporalServer: string;
    temporalUi: string;
  };
