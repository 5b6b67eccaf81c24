// The audit trail's compaction for continue-as-new: runs of identical polls fold, every status change stays.
import { AUDIT_MAX_BYTES, AuditTrail } from '../../workflows/audit';
import { AUDIT_HEAD, AUDIT_TAIL } from '../../workflows/audit-bounds';

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

test('bounded whatever the length: first and last entries kept, the middle folded into counts per type, under the byte budget', () => {
  const t = new AuditTrail();
  t.add('started', 'restore requested');
  for (let i = 0; i < 20_000; i++) {
    if (i % 1000 === 0) t.add('atlas-trouble', `reading failed ${i}`, { streak: i });
    t.add('poll', 'job RUNNING', { status: 'RUNNING', poll: i + 1 });
  }
  t.add('finished', 'COMPLETED');
  expect(t.events.length).toBe(AUDIT_HEAD + 1 + AUDIT_TAIL);
  expect(t.events[0].type).toBe('started');
  expect(t.events.at(-1)?.type).toBe('finished');
  const fold = t.events[AUDIT_HEAD];
  expect(fold.type).toBe('folded');
  // Nothing is lost from the count: kept + folded = added.
  const kept = t.events.filter((e) => e.type !== 'folded').length;
  expect(kept + Number(fold.data?.count)).toBe(1 + 20_000 + 20 + 1);
  expect(Number(fold.data?.poll) + t.events.filter((e) => e.type === 'poll').length).toBe(20_000);
  expect(JSON.stringify(t.events).length).toBeLessThanOrEqual(AUDIT_MAX_BYTES);

  // Huge messages: the byte budget shrinks the tail; carried (compacted, rebuilt) it stays bounded.
  for (let i = 0; i < 500; i++) t.add('retry', 'x'.repeat(5000));
  expect(JSON.stringify(t.events).length).toBeLessThanOrEqual(AUDIT_MAX_BYTES);
  const next = new AuditTrail(t.compacted());
  next.add('continued', 'run 2');
  expect(JSON.stringify(next.events).length).toBeLessThanOrEqual(AUDIT_MAX_BYTES);
  expect(next.events.filter((e) => e.type === 'folded')).toHaveLength(1);
});

test('continued runs keep one fold, even when compaction moves it forward', () => {
  let t = new AuditTrail();
  for (let run = 0; run < 5; run++) {
    for (let i = 0; i < 400; i++)
      t.add('poll', `job ${i % 2 ? 'RUNNING' : 'QUEUED'}`, { status: i % 2 ? 'RUNNING' : 'QUEUED' });
    t = new AuditTrail(t.compacted());
    t.add('continued', `run ${run + 2}`);
  }
  expect(t.events.filter((e) => e.type === 'folded')).toHaveLength(1);
  expect(t.events.length).toBeLessThanOrEqual(AUDIT_HEAD + 1 + AUDIT_TAIL);
});
