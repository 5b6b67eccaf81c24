// The worker's own settings: the shutdown grace and the workflow bundle path.
import { loadConfig } from '../../config';

test('ATLAS_RESTORE_SHUTDOWN_GRACE: default 30 s; durations or seconds; a bad one names the variable', () => {
  expect(loadConfig({}).shutdownGraceS).toBe(30);
  expect(loadConfig({ ATLAS_RESTORE_SHUTDOWN_GRACE: '' }).shutdownGraceS).toBe(30);
  for (const [v, s] of [
    ['45s', 45],
    ['2m', 120],
    ['1m30s', 90],
    ['90', 90],
    ['0', 0],
  ] as const)
    expect(loadConfig({ ATLAS_RESTORE_SHUTDOWN_GRACE: v }).shutdownGraceS).toBe(s);
  for (const bad of ['soon', '-5', '2h'])
    expect(() => loadConfig({ ATLAS_RESTORE_SHUTDOWN_GRACE: bad })).toThrow(
      /^configuration error: ATLAS_RESTORE_SHUTDOWN_GRACE: must be a duration up to 1h/,
    );
});

test('ATLAS_RESTORE_WORKFLOW_BUNDLE is passed through as a path', () => {
  expect(loadConfig({ ATLAS_RESTORE_WORKFLOW_BUNDLE: '/opt/build-b/workflow-bundle.js' }).workflowBundlePath).toBe(
    '/opt/build-b/workflow-bundle.js',
  );
  expect(loadConfig({}).workflowBundlePath).toBeUndefined();
});
