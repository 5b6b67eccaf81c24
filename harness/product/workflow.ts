// The product's surface for the harness: the workflow, its status query, the schedule the benchmark models.
// The rest of harness/ reaches the product only through harness/product/ (a fence in eslint.config.mjs).
export { pool } from '../../activities/history';
export { restoreWorkflow } from '../../workflows';
export { statusQuery } from '../../workflows/definitions';
export { nextPollDelayS, relearnDue } from '../../workflows/polling';
export type { PollState } from '../../workflows/polling';
