// Small shared types of the restore domain. Workflow-safe.

/** The Atlas API that serves a cluster's restores: the sunset tenant API (M2/M5) or the Flex API. */
export type Backend = 'tenant' | 'flex';
