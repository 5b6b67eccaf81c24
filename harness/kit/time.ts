// Sleeping in the harness (real time: the harness is not workflow code).
export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** A sleep that does not keep the process alive (for timeouts raced against an exit). */
export const unrefSleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms).unref());
