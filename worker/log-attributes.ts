// Adds the target cluster to every log line an activity of a restore writes (the SDK adds workflow id, activity type
// and attempt). The target is read from the workflow id, which names it by design (common/input.ts).
import type { ActivityInterceptorsFactory } from '@temporalio/worker';
import { targetFromWorkflowId } from '../common/input';

export const activityLogAttributes: ActivityInterceptorsFactory = (ctx) => {
  const target = targetFromWorkflowId(ctx.info.workflowExecution?.workflowId ?? '');
  return { outbound: { getLogAttributes: (input, next) => next(target ? { ...input, target } : input) } };
};
