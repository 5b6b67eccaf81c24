// The product's surface for the harness: the Atlas client (the peers and the bench probe call Atlas through it).
// The rest of harness/ reaches the product only through harness/product/ (a fence in eslint.config.mjs).
export { NoAuth } from '../../atlas/auth';
export { AtlasClient } from '../../atlas/client';
export { AtlasHttp } from '../../atlas/http';
export type { OperationName } from '../../atlas/operations';
