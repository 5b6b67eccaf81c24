// The registration lives with the product (`atlas-restore setup`, client/search-attributes.ts); the dev servers use it.
export { registerSearchAttributes } from '../client/search-attributes';
