// Values in a visibility query (`atlas-restore list`, the worker's history reads): quoted with `\` and `'` escaped,
// so a value is always one string literal, never more query. Callers pass values already validated by their schema.
export const quoted = (v: string): string => `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
