// The product's surface for the harness: starting restores and connecting, as the CLI does.
// The rest of harness/ reaches the product only through harness/product/ (a fence in eslint.config.mjs).
export { connectClient } from '../../client/connection';
export { InvalidInputError, startRestore } from '../../client/start';
