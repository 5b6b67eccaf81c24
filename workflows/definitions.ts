// Queries and updates of the restore workflow, shared by the workflow and its callers (CLI, tests, parents).
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { AuditEvent, RestoreStatus } from '../common/result';

export interface ApproveArgs {
  /** Who approves: a person's name or handle. Must not be the requester. */
  by: string;
  comment?: string;
}

export interface RejectArgs {
  by: string;
  reason?: string;
}

export const statusQuery = defineQuery<RestoreStatus>('status');
export const auditQuery = defineQuery<AuditEvent[]>('audit');
export const approveUpdate = defineUpdate<string, [ApproveArgs]>('approve');
export const rejectUpdate = defineUpdate<string, [RejectArgs]>('reject');
