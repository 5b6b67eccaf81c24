// Adds the target cluster to every log line a restore workflow writes (next to the workflow id the SDK adds), so
// logs can be searched by the cluster an operator cares about.
import type { WorkflowInterceptorsFactory } from '@temporalio/workflow';
import { workflowInfo } from '@temporalio/workflow';
import { targetFromWorkflowId } from '../common/input';

export const interceptors: WorkflowInterceptorsFactory = () => ({
  outbound: [
    {
      getLogAttributes: (input, next) => {
        const target = targetFromWorkflowId(workflowInfo().workflowId);
        return next(target ? { ...input, target } : input);
      },
    },
  ],
});
