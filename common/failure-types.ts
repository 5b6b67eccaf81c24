// Failure types of our activities, one per Atlas error class (atlas/errors.ts). The activities throw them
// (activities/failures.ts) and the workflow's retry policies name them (workflows/activity-options.ts).
// Workflow-safe.
export const FAILURE = {
  retryable: 'AtlasRetryable',
  conflict: 'AtlasConflict',
  routing: 'AtlasRouting',
  fatal: 'AtlasFatal',
  shape: 'AtlasResponseShape',
} as const;
