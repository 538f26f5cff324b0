/**
 * Test support for the wire contract: `import { aContactReceived } from '@mash/contracts/testing';`
 * (mapped in jest.config.js and tsconfig.json). Deliberately not exported from the main index, so
 * production code does not pull in example data.
 */
export * from './factories';
export * from './validation';
