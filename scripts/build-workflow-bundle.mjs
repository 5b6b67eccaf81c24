// `npm run build`, second step: bundles the compiled workflows and their interceptors into dist/workflow-bundle.js,
// which the worker loads instead of bundling at every start (worker/bundle.ts). Usage: node scripts/build-workflow-bundle.mjs [out]
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { bundleWorkflowCode, DefaultLogger } = require('@temporalio/worker');
const { BUNDLE_SOURCES, DEFAULT_BUNDLE_PATH } = require(join(root, 'dist', 'worker', 'bundle.js'));

const out = process.argv[2] ?? DEFAULT_BUNDLE_PATH;
const { code } = await bundleWorkflowCode({ ...BUNDLE_SOURCES, logger: new DefaultLogger('WARN') });
writeFileSync(out, code);
process.stderr.write(`workflow bundle: ${out} (${Math.round(code.length / 1024)} KiB)\n`);
