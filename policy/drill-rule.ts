// The drill rule kind of the restore policy (issue 22 item 6): a drill may only create, restore into and delete
// clusters whose name matches a rule's scratch glob, in the projects the rule lists. Restore rules never allow a drill,
// and a drill rule never allows a plain restore: a drill's child restore is judged by these rules alone.
import { z } from 'zod';

export const DrillRuleSchema = z
  .object({
    /** Shown in refusals and the audit. */
    name: z.string().min(1).max(100),
    /** Projects (24-hex ids) the drills may create scratch clusters in; `*` for any. */
    projects: z.array(z.string().regex(/^([a-f0-9]{24}|\*)$/, 'must be a 24-hex project id or *')).min(1),
    /** Cluster-name glob of the scratch clusters (`*`, `?`), e.g. `drill-*`. */
    scratch: z.string().regex(/^[a-zA-Z0-9*?-]+$/, 'must be a cluster name glob such as drill-*'),
    /** Which drills (names) the rule is for; default all. */
    drills: z.array(z.string().min(1).max(40)).min(1).optional(),
  })
  .strict();

export type DrillRule = z.output<typeof DrillRuleSchema>;

/** A cluster-name glob: `*` any run of name characters, `?` one. */
const nameGlob = (glob: string): RegExp =>
  new RegExp(`^${glob.replace(/[*?]/g, (c) => (c === '*' ? '[a-zA-Z0-9-]*' : '[a-zA-Z0-9-]'))}$`);

/** Whether some drill rule lets drill `drill` touch `projectId/clusterName`, and the sentence saying which. */
export function drillVerdict(
  rules: readonly DrillRule[],
  digest: string,
  drill: string,
  projectId: string,
  clusterName: string,
): { allowed: boolean; evidence: string } {
  const rule = rules.find(
    (r) =>
      (r.projects.includes('*') || r.projects.includes(projectId)) &&
      nameGlob(r.scratch).test(clusterName) &&
      (!r.drills || r.drills.includes(drill)),
  );
  const short = digest.slice(0, 19);
  return rule
    ? { allowed: true, evidence: `drill rule '${rule.name}' (${rule.scratch}) of policy ${short} allows it` }
    : {
        allowed: false,
        evidence: `no drill rule of the restore policy (${short}) lets drill ${drill} touch ${projectId}/${clusterName}`,
      };
}
