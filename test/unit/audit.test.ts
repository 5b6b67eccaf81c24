// The audit trail's compaction for continue-as-new: runs of identical polls fold, every status change stays.
import { AuditTrail } from '../../workflows/audit';

test('consecutive polls of one status fold into a summary; other events and status changes stay', () => {
  const t = new AuditTrail();
  t.add('submitted', 'job 1');
  for (let i = 0; i < 5; i++) t.add('poll', 'job QUEUED', { status: 'QUEUED', poll: i + 1 });
  for (let i = 0; i < 7; i++) t.add('poll', 'job RUNNING', { status: 'RUNNING', poll: i + 6 });
  t.add('retry', 'x');
  t.add('poll', 'job RUNNING', { status: 'RUNNING', poll: 13 });
  const c = t.compacted();
  expect(c.map((e) => [e.type, e.data?.status, e.data?.count])).toEqual([
    ['submitted', undefined, undefined],
    ['polls-summary', 'QUEUED', 5],
    ['polls-summary', 'RUNNING', 7],
    ['retry', undefined, undefined],
    ['poll', 'RUNNING', undefined],
  ]);
  // Compacting again (the next continue-as-new) keeps counting.
  const t2 = new AuditTrail(c);
  t2.add('poll', 'job RUNNING', { status: 'RUNNING', poll: 14 });
  expect(t2.compacted().at(-1)).toMatchObject({ type: 'polls-summary', data: { status: 'RUNNING', count: 2 } });
});
