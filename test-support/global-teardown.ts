import { releaseRunLock } from './run-lock';

export default async function globalTeardown(): Promise<void> {
  await releaseRunLock();
}
