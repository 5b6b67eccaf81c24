// The product's surface for the harness: the Atlas simulator and the Temporal dev-server launcher.
// The rest of harness/ reaches the product only through harness/product/ (a fence in eslint.config.mjs).
export { temporalCliPath } from '../../devserver/binaries';
export { DevServerProcess } from '../../devserver/devserver';
export { seededRandom } from '../../simulator/faults';
export type { FaultAction, FaultRule } from '../../simulator/faults';
export type { RateLimitOptions } from '../../simulator/rate-limit';
export { AtlasSimulator } from '../../simulator/server';
export type { SimCall } from '../../simulator/server';
export type { SimDataset } from '../../simulator/datasets';
export { World, iso } from '../../simulator/world';
export type { SimJob } from '../../simulator/world';
