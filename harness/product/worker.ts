// The product's surface for the harness: the worker as the product runs it, configured from the environment.
// The rest of harness/ reaches the product only through harness/product/ (a fence in eslint.config.mjs).
export { loadConfig } from '../../config';
export { loadAtlasSettings } from '../../config/atlas';
export { installTelemetry } from '../../worker/telemetry';
export { createRestoreWorker } from '../../worker/worker';
