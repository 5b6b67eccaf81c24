// Atlas settings (credentials included): only the worker loads them (and the HTTP stack they bring).
import type { AtlasSettings } from '../atlas/config';
import { atlasSettingsFromEnv } from '../atlas/config';
import { ConfigError, settingsEnv } from './index';

export function loadAtlasSettings(rawEnv: NodeJS.ProcessEnv = process.env): AtlasSettings {
  try {
    return atlasSettingsFromEnv(settingsEnv(rawEnv));
  } catch (err) {
    throw new ConfigError(`configuration error: ${(err as Error).message}`);
  }
}
