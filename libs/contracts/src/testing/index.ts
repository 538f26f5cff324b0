/**
 * Test support for the wire contract. Deliberately not exported from the main index, so production
 * code does not pull in example data. From another workspace's spec:
 * `import { aContactReceived } from '@mash/contracts/src/testing';`
 */
export * from './factories';
