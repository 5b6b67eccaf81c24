// Workflow entry points registered on the worker (the bundle's root). Parents may executeChild these; their input
// and result types are exported for them.
export { restoreWorkflow } from './restore';
export { batchRestoreWorkflow } from './batch';
export type { BatchInput, BatchItem, BatchResult } from './batch-definitions';
export type { RestoreInput } from '../common/input';
export type { RestoreResult } from '../common/result';
export { drillWorkflow } from './drill';
export type { DrillInput, DrillResult } from '../common/drill';
