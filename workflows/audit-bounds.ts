// How many audit events a trail keeps (workflows/audit.ts) and the carried state's schema accepts
// (workflows/carry-schema.ts): the first HEAD, one 'folded' event, the last TAIL. Apart so the schema needs no workflow APIs.
export const AUDIT_HEAD = 40;
export const AUDIT_TAIL = 150;
export const AUDIT_MAX_EVENTS = AUDIT_HEAD + 1 + AUDIT_TAIL;
