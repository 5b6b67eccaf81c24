// One disruption at a time: a worker kill never overlaps a server restart, so each is observed on its own and a
// worker is never asked to start against a server that is down (it would exit at once, which is not what we test).
export class Mutex {
  #tail: Promise<void> = Promise.resolve();

  run<T>(fn: () => Promise<T>): Promise<T> {
    const result = this.#tail.then(fn);
    this.#tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }
}
