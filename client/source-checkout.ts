// The demo (demo/) and the simulator (simulator/) ship with a source checkout, not with the product build. The CLI
// loads them by a computed path the compiler does not follow, typed by the interfaces below (kept here, so the
// product build never imports their code, not even for types).
import { join } from 'node:path';
import { EXIT } from '../common/exit-codes';
import { CliError } from './output';

export interface DemoModule {
  runDev(o: {
    once: boolean;
    port: number;
    uiPort: number;
    simulatorPort: number;
    metricsPort: number;
    era: 'legacy' | 'current';
  }): Promise<number>;
}

export interface SimulatorModule {
  runSimulator(o: {
    port?: number;
    host?: string;
    era?: 'legacy' | 'current';
    scenario?: string;
    admin?: boolean;
  }): Promise<{ url: string; stop(): Promise<void> }>;
}

export function sourceCheckoutPart<M>(folder: 'demo' | 'simulator', file: string): M {
  const path = join(__dirname, '..', folder, file);
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require(path) as M;
  } catch (e) {
    if ((e as { code?: string }).code === 'MODULE_NOT_FOUND' && (e as Error).message.includes(path))
      throw new CliError(
        `${folder}: not part of this build: the demo and simulator ship with a source checkout (build it with \`npm run build\` there)`,
        EXIT.usage,
      );
    throw e;
  }
}
