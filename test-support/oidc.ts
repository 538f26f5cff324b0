import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';

/** A real OpenID Connect provider in a child process (test-support/oidc-provider.mjs). */
export interface TestIdentityProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  stop(): Promise<void>;
}

export async function startIdentityProvider(
  port: number,
  client: { redirectUris: string[]; postLogoutRedirectUris?: string[] },
): Promise<TestIdentityProvider> {
  const clientId = 'mash-hub-pages';
  const clientSecret = 'mash-hub-pages-test-client-secret';
  const child: ChildProcess = spawn(
    process.execPath,
    [
      join(__dirname, 'oidc-provider.mjs'),
      String(port),
      JSON.stringify({ clientId, clientSecret, ...client }),
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`the identity provider did not start: ${output}`)),
      15_000,
    );
    child.stdout!.on('data', (chunk) => {
      output += chunk;
      if (output.includes('ready')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.stderr!.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => reject(new Error(`the identity provider exited (${code}): ${output}`)));
  });
  return {
    issuer: `http://127.0.0.1:${port}`,
    clientId,
    clientSecret,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    },
  };
}
