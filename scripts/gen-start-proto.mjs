// Writes client/generated/start-workflow.json: the protobuf descriptor of StartWorkflowExecution, cut from the Temporal
// SDK's own copy of the Temporal API protos (@temporalio/proto) down to the fields `atlas-restore start` sets and the
// two it reads back. client/fast-start.ts encodes with it, so `start` need not load the whole API (~3 MB of
// descriptors) on every run. Field numbers and types are the official ones; `npm run gen:start-proto` regenerates.
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';
import { fileURLToPath, URL } from 'node:url';

const require = createRequire(import.meta.url);
const root = require('@temporalio/proto/protos/json-module.js');
const SERVICE = 'temporal.api.workflowservice.v1';
const KEEP = {
  [`${SERVICE}.StartWorkflowExecutionRequest`]: [
    'namespace', 'workflowId', 'workflowType', 'taskQueue', 'input', 'identity', 'requestId',
    'workflowIdReusePolicy', 'workflowIdConflictPolicy', 'searchAttributes', 'userMetadata', 'header',
  ],
  [`${SERVICE}.StartWorkflowExecutionResponse`]: ['runId', 'started'],
};

const types = new Map(); // full name (no leading dot) -> protobufjs reflection object
const fieldsOf = new Map(); // full name -> kept field names
function include(t, only) {
  const name = t.fullName.slice(1);
  if (types.has(name)) return;
  types.set(name, t);
  if (!t.fields) return; // an enum
  const keep = only ?? Object.keys(t.fields);
  fieldsOf.set(name, keep);
  for (const f of keep) {
    const field = t.fields[f];
    if (!field) throw new Error(`${name} has no field ${f}`);
    field.resolve();
    if (field.resolvedType) include(field.resolvedType);
  }
}
for (const [name, only] of Object.entries(KEEP)) include(root.lookupType(name), only);

// Rebuild the nested namespace JSON protobufjs reads (Root.fromJSON), with full type names in references.
const out = { nested: {} };
for (const [name, t] of [...types].sort()) {
  const parts = name.split('.');
  let ns = out;
  for (const p of parts.slice(0, -1)) ns = (ns.nested ??= {})[p] ??= {};
  ns.nested ??= {};
  if (!t.fields) {
    ns.nested[parts.at(-1)] = { ...ns.nested[parts.at(-1)], values: t.values };
    continue;
  }
  const fields = {};
  for (const f of fieldsOf.get(name)) {
    const field = t.fields[f];
    const type = field.resolvedType ? field.resolvedType.fullName : field.type;
    fields[f] = { ...(field.map ? { keyType: field.keyType } : {}), ...(field.repeated ? { rule: 'repeated' } : {}), type, id: field.id };
  }
  ns.nested[parts.at(-1)] = { ...ns.nested[parts.at(-1)], fields };
}
const file = fileURLToPath(new URL('../client/generated/start-workflow.json', import.meta.url));
writeFileSync(file, JSON.stringify(out, null, 1) + '\n');
console.log(`wrote ${file}: ${types.size} types`);
