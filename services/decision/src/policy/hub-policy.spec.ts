import { ConfigurationError } from '@mash/platform';
import { loadHubPolicy } from './hub-policy';

describe('the hub policy decision loads (MASH_PROFILE)', () => {
  it('loads a built-in profile with its working calendar', () => {
    const policy = loadHubPolicy('croydon');
    expect(policy.profile.id).toBe('croydon');
    expect(policy.calendar.isWorkingDay(new Date('2024-03-04T12:00:00.000Z'))).toBe(true);
  });

  it('stops start-up naming MASH_PROFILE when the profile does not load', () => {
    let error: unknown;
    try {
      loadHubPolicy('atlantis');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as ConfigurationError).variables).toEqual(['MASH_PROFILE']);
  });
});
