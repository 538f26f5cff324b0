import { BUILT_IN_PROFILES, loadProfile } from './load-profile';

describe('loadProfile', () => {
  it.each(BUILT_IN_PROFILES)('loads the built-in %s profile and names it after its file', (name) => {
    const profile = loadProfile(name);
    expect(profile.id).toBe(name);
    expect(profile.hub.length).toBeGreaterThan(0);
  });
});
