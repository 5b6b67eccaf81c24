// The FerretDB launcher: a real wire server that refuses anonymous clients, takes its setup user, and stops cleanly.
import { MongoClient } from 'mongodb';
import { FerretDbProcess } from '../../devserver/ferretdb';

test('starts on a free loopback port, refuses anonymous reads, accepts the setup user, stops', async () => {
  const f = new FerretDbProcess();
  await f.start();
  try {
    const admin = new MongoClient(f.adminUri(), { serverSelectionTimeoutMS: 5_000 });
    const anon = new MongoClient(f.uri, { serverSelectionTimeoutMS: 5_000 });
    try {
      expect(await admin.db('admin').command({ ping: 1 })).toMatchObject({ ok: 1 });
      await expect(anon.db('x').collection('y').countDocuments()).rejects.toThrow(/requires authentication/);
    } finally {
      await Promise.all([admin.close(), anon.close()]);
    }
  } finally {
    await f.stop();
  }
  expect(f.running).toBe(false);
});
