// For the modules the worker preloads into the workflow sandbox (worker/bundle.ts), one copy shared by every cached
// workflow: the SDK deep-freezes what such a module exports, and zod's schemas do not survive a freeze (zod 4 adds
// members on first read, and sets its locale on the first check). So the value is built at once, while the module
// loads, and handed out through an accessor: it sits in a closure the freeze cannot reach.
export function preloadSafe<T>(build: () => T): () => T {
  const value = build();
  return () => value;
}
