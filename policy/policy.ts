// The restore policy the worker owns (ATLAS_RESTORE_POLICY, issue 21 item 1): which targets this fleet may restore
// into at all, which need a signed start, which need approval and by whom, and where the trusted keys are. Read once
// at worker start; a bad file stops the worker naming the line. Reference: docs/policy.md; example: policy/example.yaml.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { isNode, LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import type { DrillRule } from './drill-rule';
import { drillVerdict, DrillRuleSchema } from './drill-rule';
import type { IdentityVerifier } from './ssh';
import { SshVerifier, sshKeygenMissing } from './ssh';

const principal = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[^\s,"]+$/, 'must be one principal as allowed_signers names it (no spaces, commas or quotes)');

const RuleSchema = z
  .object({
    /** Shown in checks, the audit trail and the result. */
    name: z.string().min(1).max(100),
    /** `<targetProjectId>/<cluster glob>`: a 24-hex project id or `*`, then a cluster name glob (`*`, `?`). */
    target: z
      .string()
      .regex(
        /^([a-f0-9]{24}|\*)\/[a-zA-Z0-9*?-]+$/,
        'must be <targetProjectId or *>/<cluster name glob>, e.g. 5f…/prod-*',
      ),
    /** The requester must sign the start (`--signingKey`). */
    signedStart: z.boolean().default(false),
    /** Approval before submit: how many distinct approvers, from which principals or groups (`group:<name>`). */
    approval: z
      .object({
        approvers: z.number().int().min(1).max(10).default(1),
        from: z.array(principal).min(1),
      })
      .strict()
      .optional(),
  })
  .strict();

const PolicySchema = z
  .object({
    version: z.literal(1),
    /** git's allowed_signers file (relative to the policy file): the keys that may sign starts and decisions. */
    allowedSigners: z.string().min(1).optional(),
    /** Named sets of principals, referenced as `group:<name>` in a rule's approval.from. */
    groups: z.record(z.string().regex(/^[a-z0-9_-]+$/i), z.array(principal).min(1)).default({}),
    /** First match wins; a target no rule matches is refused. */
    rules: z.array(RuleSchema).min(1, 'must list at least one rule'),
    /** What restore drills may touch (policy/drill-rule.ts); none: drills are refused under this policy. */
    drills: z.array(DrillRuleSchema).default([]),
  })
  .strict()
  .superRefine((p, ctx) => {
    p.rules.forEach((r, i) => {
      for (const [j, f] of (r.approval?.from ?? []).entries())
        if (f.startsWith('group:') && !p.groups[f.slice(6)])
          ctx.addIssue({
            code: 'custom',
            path: ['rules', i, 'approval', 'from', j],
            message: `no group ${f.slice(6)}`,
          });
      if ((r.signedStart || r.approval) && !p.allowedSigners)
        ctx.addIssue({
          code: 'custom',
          path: ['rules', i],
          message: 'a rule asking for signatures or approval needs allowedSigners',
        });
    });
  });

export type PolicyRule = z.output<typeof RuleSchema>;

class PolicyError extends Error {
  override readonly name = 'PolicyError';
}

/** What the policy says about one target: carried to the workflow in the preflight report (plain JSON). */
export interface PolicyVerdict {
  mode: 'enforced';
  /** sha256 of the policy file, so the audit names exactly which policy applied. */
  digest: string;
  /** The matching rule's name; absent when none matched (refused). */
  rule?: string;
  allowed: boolean;
  signedStart: boolean;
  /** Approvers the policy asks for (0: none). */
  approvers: number;
  /** One sentence for the `policy` check. */
  evidence: string;
}

export class RestorePolicy {
  private constructor(
    readonly file: string,
    readonly digest: string,
    readonly rules: readonly PolicyRule[],
    readonly groups: Readonly<Record<string, string[]>>,
    /** Absolute path of the allowed_signers file, if any. */
    readonly allowedSigners: string | undefined,
    readonly drillRules: readonly DrillRule[] = [],
  ) {
    this.verifier = allowedSigners ? new SshVerifier(allowedSigners) : undefined;
  }

  /** Proves who signed (policy/ssh.ts); absent without allowedSigners. */
  readonly verifier: IdentityVerifier | undefined;

  /** A rule that asks for approval needs a proven requester too (requester ≠ approver compares principals). */
  static needsSignedStart(rule: PolicyRule): boolean {
    return rule.signedStart || !!rule.approval;
  }

  /** Parses and validates; every problem names its line (`file:line: path: message`). */
  static parse(text: string, file: string): RestorePolicy {
    const lineCounter = new LineCounter();
    const doc = parseDocument(text, { lineCounter, prettyErrors: false });
    if (doc.errors.length)
      throw new PolicyError(
        `invalid policy ${file}:\n${doc.errors.map((e) => `  ${file}:${lineCounter.linePos(e.pos[0]).line}: ${e.message.split('\n')[0]}`).join('\n')}`,
      );
    const parsed = PolicySchema.safeParse(doc.toJS());
    if (!parsed.success) {
      const lineOf = (path: PropertyKey[]): number => {
        for (let n = path.length; n >= 0; n--) {
          const node = doc.getIn(path.slice(0, n) as (string | number)[], true);
          if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
        }
        return 1;
      };
      throw new PolicyError(
        `invalid policy ${file}:\n${parsed.error.issues.map((i) => `  ${file}:${lineOf(i.path)}: ${i.path.join('.') || '(policy)'}: ${i.message}`).join('\n')}`,
      );
    }
    const p = parsed.data;
    const digest = `sha256:${createHash('sha256').update(text).digest('hex')}`;
    const signers = p.allowedSigners ? resolve(dirname(file), p.allowedSigners) : undefined;
    return new RestorePolicy(file, digest, p.rules, p.groups, signers, p.drills);
  }

  static load(file: string): RestorePolicy {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      throw new PolicyError(`cannot read policy ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
    const p = RestorePolicy.parse(text, file);
    if (p.allowedSigners)
      try {
        readFileSync(p.allowedSigners);
      } catch {
        throw new PolicyError(`invalid policy ${file}: allowedSigners ${p.allowedSigners} cannot be read`);
      }
    if (p.allowedSigners && sshKeygenMissing())
      throw new PolicyError(`policy ${file} needs ssh-keygen to verify signatures: install openssh-client`);
    return p;
  }

  /** The first rule whose target matches, or undefined. */
  ruleFor(targetProjectId: string, targetClusterName: string): PolicyRule | undefined {
    return this.rules.find((r) => {
      const [project, glob] = r.target.split('/');
      return (project === '*' || project === targetProjectId) && globRegExp(glob).test(targetClusterName);
    });
  }

  verdict(targetProjectId: string, targetClusterName: string): PolicyVerdict {
    const rule = this.ruleFor(targetProjectId, targetClusterName);
    const short = this.digest.slice(0, 19);
    if (!rule)
      return {
        mode: 'enforced',
        digest: this.digest,
        allowed: false,
        signedStart: false,
        approvers: 0,
        evidence: `no rule of the restore policy (${short}) allows target ${targetProjectId}/${targetClusterName}`,
      };
    const approvers = rule.approval?.approvers ?? 0;
    return {
      mode: 'enforced',
      digest: this.digest,
      rule: rule.name,
      allowed: true,
      signedStart: rule.signedStart,
      approvers,
      evidence: `rule '${rule.name}' (${rule.target}) of policy ${short} allows it${rule.signedStart ? '; signed start' : ''}${approvers ? `; approval by ${approvers} of ${rule.approval!.from.join(', ')}` : ''}`,
    };
  }

  /** Whether drill `drill` may create, restore into or delete `projectId/clusterName` (a drill rule's scratch). */
  drillVerdict(drill: string, projectId: string, clusterName: string): { allowed: boolean; evidence: string } {
    return drillVerdict(this.drillRules, this.digest, drill, projectId, clusterName);
  }

  /** Whether `principal` may approve under `rule` (directly or through a group). */
  mayApprove(rule: PolicyRule, principal: string): boolean {
    return (rule.approval?.from ?? []).some((f) =>
      f.startsWith('group:') ? (this.groups[f.slice(6)] ?? []).includes(principal) : f === principal,
    );
  }
}

/** A cluster-name glob: `*` any run of name characters, `?` one. */
function globRegExp(glob: string): RegExp {
  return new RegExp(`^${glob.replace(/[*?]/g, (c) => (c === '*' ? '[a-zA-Z0-9-]*' : '[a-zA-Z0-9-]'))}$`);
}
