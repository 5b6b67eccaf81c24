// The product's surface for the harness: the contract the CLI, the workflow and the outcome share.
// The rest of harness/ reaches the product only through harness/product/ (a fence in eslint.config.mjs).
export { SA } from '../../common/constants';
export type { Outcome } from '../../common/constants';
export { expectationFrom, sigmaUpperBound } from '../../common/expectation';
export type { PooledSpread } from '../../common/expectation';
export { BACKENDS, DEFAULT_DEADLINE_S, inputSchemas, restoreWorkflowId } from '../../common/input';
export type { PollingPolicy, RestoreInput } from '../../common/input';
export { resultFromFailure } from '../../common/outcome';
export { DEFAULT_POLLING } from '../../common/request';
export { RESTORE_WORKFLOW_TYPE } from '../../common/start-options';
export type { AuditEvent, RestoreResult } from '../../common/result';
