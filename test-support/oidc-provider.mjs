/* global process */
// A real OpenID Connect provider for page tests (the `oidc-provider` package, as an identity provider
// would be): authorization code flow with PKCE, the hub's `roles` and `agency` claims, and its built-in
// development login form, where the login typed names one of the accounts below.
// Run: node test-support/oidc-provider.mjs <port> <client-json>; prints "ready" when it listens.
import Provider from 'oidc-provider';

const [port, clientJson] = process.argv.slice(2);
const client = JSON.parse(clientJson);
const issuer = `http://127.0.0.1:${port}`;

const ACCOUNTS = {
  'dee.maker': { name: 'Dee Maker', roles: ['decision-maker'] },
  'tess.manager': { name: 'Tess Manager', roles: ['team-manager'] },
  'sam.social': { name: 'Sam Social', roles: ['social-worker'] },
  'carl.officer': { name: 'Carl Officer', roles: ['contact-officer'] },
  'pat.police': { name: 'Pat Police', roles: ['agency-practitioner'], agency: 'police' },
  'otto.operator': { name: 'Otto Operator', roles: ['hub-operator'] },
};

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: client.clientId,
      client_secret: client.clientSecret,
      redirect_uris: client.redirectUris,
      post_logout_redirect_uris: client.postLogoutRedirectUris ?? [],
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
    },
  ],
  scopes: ['openid', 'profile', 'roles'],
  claims: { openid: ['sub'], profile: ['name'], roles: ['roles', 'agency'] },
  pkce: { required: () => true },
  cookies: { keys: ['mash-test-oidc-provider-cookie-key'] },
  features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
  findAccount: async (_ctx, id) => {
    const account = ACCOUNTS[id];
    if (!account) return undefined;
    return { accountId: id, claims: async () => ({ sub: `idp-${id}`, ...account }) };
  },
});
provider.proxy = false;
const server = provider.listen(Number(port), '127.0.0.1', () => process.stdout.write('ready\n'));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
