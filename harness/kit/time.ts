// Sleeping in the harness (real time: the harness is not workflow code).
export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
