// The resolved restore request: the validated input with every default filled in, once. Everything downstream
// (workflow, activities, start options, digest) reads this shape instead of re-applying `?? default`.
// Workflow-safe (no Node imports).
import type { Backend } from './types';
import type { VerifySettings } from './verification';
import type { PollingPolicy, ValidRestoreInput } from './input';
import { DEFAULT_APPROVAL_TIMEOUT_S, DEFAULT_DEADLINE_S, describeIssues, inputSchemas } from './input';

export const DEFAULT_POLLING: PollingPolicy = { initialS: 5, maxS: 60, factor: 1.5, nearS: 3, learn: true };

export interface ResolvedRequest {
  projectId: string;
  clusterName: string;
  snapshotId: string;
  /** Always set: defaults to projectId. */
  targetProjectId: string;
  targetClusterName: string;
  acknowledgeDataLoss: true;
  backend: Backend | 'auto';
  polling: PollingPolicy;
  deadlineS: number;
  requireApproval: boolean;
  approvalTimeoutS: number;
  dryRun: boolean;
  rollbackOnFailure: boolean;
  requester?: string;
  reason?: string;
  /** As given (absent: the default of common/verification.ts VERIFY_BY_DEFAULT); absent keeps older digests. */
  verify?: false | VerifySettings;
}

export function resolveRequest(v: ValidRestoreInput): ResolvedRequest {
  return {
    projectId: v.projectId,
    clusterName: v.clusterName,
    snapshotId: v.snapshotId,
    targetProjectId: v.targetProjectId ?? v.projectId,
    targetClusterName: v.targetClusterName,
    acknowledgeDataLoss: true,
    backend: v.backend,
    polling: { ...DEFAULT_POLLING, ...(v.polling ?? {}) },
    deadlineS: v.deadline ?? DEFAULT_DEADLINE_S,
    requireApproval: v.requireApproval,
    approvalTimeoutS: v.approvalTimeout ?? DEFAULT_APPROVAL_TIMEOUT_S,
    dryRun: v.dryRun,
    rollbackOnFailure: v.rollbackOnFailure,
    ...(v.requester !== undefined ? { requester: v.requester } : {}),
    ...(v.reason !== undefined ? { reason: v.reason } : {}),
    ...(v.verify !== undefined ? { verify: v.verify } : {}),
  };
}

/**
 * The workflow's parse of its input: tolerant of unknown keys (they are dropped: see TolerantRestoreInputSchema),
 * resolved once. Returns the sentence naming every bad field when the input is invalid.
 */
export function parseWorkflowRequest(
  raw: unknown,
): { ok: true; req: ResolvedRequest } | { ok: false; problems: string } {
  const parsed = inputSchemas().TolerantRestoreInputSchema.safeParse(raw);
  return parsed.success
    ? { ok: true, req: resolveRequest(parsed.data) }
    : { ok: false, problems: describeIssues(parsed.error) };
}

/**
 * "Same request" means same behaviour: every field of the resolved request but `requester` and `reason`.
 * A 64-bit FNV-1a over the canonical JSON (sorted keys), prefixed with its scheme so it can change later.
 * Not a secret and not a security boundary: it only tells a retried runbook step from a different restore.
 */
export function requestDigest(r: ResolvedRequest): string {
  const { requester: _requester, reason: _reason, ...behaviour } = r;
  return `fnv1a64:${fnv1a64(canonicalJson(behaviour))}`;
}

function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (v && typeof v === 'object')
    return `{${Object.keys(v)
      .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(v);
}

function fnv1a64(s: string): string {
  let h = 0xcbf29ce484222325n;
  for (let i = 0; i < s.length; i++) {
    h ^= BigInt(s.charCodeAt(i));
    h = (h * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return h.toString(16).padStart(16, '0');
}
