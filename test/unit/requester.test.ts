// The requester's default (issue 20 item 3): $USER, else the account the CLI runs as; never a made-up 'unknown'.
import { userInfo } from 'node:os';
import { inputSchemas } from '../../common/input';
import { defaultRequester } from '../../client/requester';

const input = {
  projectId: 'a'.repeat(24),
  clusterName: 'src',
  snapshotId: 'b'.repeat(24),
  targetClusterName: 'dst',
  acknowledgeDataLoss: true as const,
};

test('$USER when set', () => {
  expect(defaultRequester({ USER: 'alice' })).toBe('alice');
});

test('with $USER unset (containers, cron, tmux): the account the process runs as', () => {
  expect(defaultRequester({})).toBe(userInfo().username);
  expect(defaultRequester({ USER: '  ' })).toBe(userInfo().username);
});

test('requireApproval without a requester is refused at the start, naming the field', () => {
  const r = inputSchemas().RestoreInputSchema.safeParse({ ...input, requireApproval: true });
  expect(r.success).toBe(false);
  expect(r.error?.issues[0]).toMatchObject({ path: ['requester'] });
  expect(inputSchemas().RestoreInputSchema.safeParse({ ...input, requireApproval: true, requester: 'a' }).success).toBe(
    true,
  );
  expect(inputSchemas().RestoreInputSchema.safeParse(input).success).toBe(true);
});
