import { URGENT_INDICATORS } from '@mash/contracts';
import { agenciesToCheck } from './agencies-to-check';
import { loadProfile } from './load-profile';
import { profileWith } from './testing/profiles';
import { redIndicators } from './urgent-indicators';

describe('agenciesToCheck', () => {
  it('Bexley checks always go to health, education and police, whatever the concern (Bexley 15)', () => {
    expect(agenciesToCheck(loadProfile('bexley'), ['other'])).toEqual(['police', 'health', 'education']);
  });

  it('Warwickshire triage always includes police and health, and education when the concern calls for it (7.3.1)', () => {
    const warwickshire = loadProfile('warwickshire');
    expect(agenciesToCheck(warwickshire, ['other'])).toEqual(['police', 'health']);
    expect(agenciesToCheck(warwickshire, ['neglect', 'other'])).toEqual(['police', 'health', 'education']);
  });

  it('Blackburn with Darwen asks health and education as a minimum, and the police for domestic abuse (Level 4 referrals)', () => {
    const blackburn = loadProfile('blackburn-with-darwen');
    expect(agenciesToCheck(blackburn, ['parental-mental-health'])).toEqual(['health', 'education']);
    expect(agenciesToCheck(blackburn, ['domestic-abuse'])).toEqual(['police', 'health', 'education']);
  });
});

describe('redIndicators', () => {
  it('every Appendix E criterion makes a Northamptonshire contact Red', () => {
    expect(redIndicators(loadProfile('northamptonshire'), URGENT_INDICATORS)).toEqual([...URGENT_INDICATORS]);
  });

  it('a hub that leaves an indicator out does not make a contact Red for it alone', () => {
    const profile = profileWith('croydon', (raw) => (raw.urgentIndicators = ['child-found-alone']));
    expect(redIndicators(profile, ['homeless-child-or-family'])).toEqual([]);
    expect(redIndicators(profile, ['homeless-child-or-family', 'child-found-alone'])).toEqual([
      'child-found-alone',
    ]);
  });
});
