// Queries and updates of the restore workflow, shared by the workflow and its callers (CLI, tests, parents).
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { AuditEvent, RestoreStatus } from '../common/result';

/**
 * What a decision is bound to (issue 21): the run and the request digest the approver reviewed (`status` shows both).
 * A decision naming another run or digest is refused ("you reviewed a different request"). Required under a restore
 * policy; optional in open mode (older clients).
 */
export interface DecisionBinding {
  runId?: string;
  requestDigest?: string;
  /**
   * The approver's signed statement (policy/statement.ts: action, workflow id, run id, request digest, issued-at,
   * expiry) and its SSHSIG signature: required when the worker's policy asks for approval. The principal comes from the
   * verified key; `by` is then only a display name.
   */
  signed?: { statement: string; signature: string };
}

export interface ApproveArgs extends DecisionBinding {
  /** Who approves: a person's name or handle (≤ 200 characters). Must not be the requester. */
  by: string;
  comment?: string;
}

export interface RejectArgs extends DecisionBinding {
  by: string;
  reason?: string;
}

export const statusQuery = defineQuery<RestoreStatus>('status');
export const auditQuery = defineQuery<AuditEvent[]>('audit');
export const approveUpdate = defineUpdate<string, [ApproveArgs]>('approve');
export const rejectUpdate = defineUpdate<string, [RejectArgs]>('reject');
