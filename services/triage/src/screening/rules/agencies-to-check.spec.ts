import { aContact, policyOf, screen } from '../../testing/screening-factories';

/** The choice of agencies is @mash/policy's agenciesToCheck; these prove screening asks exactly them. */
describe('the agencies screening asks to check', () => {
  it('are always health, education and police in Bexley, whatever the concern (Bexley 15)', () => {
    const outcome = screen(
      aContact({}, { categories: ['parental-substance-misuse'] }),
      undefined,
      policyOf('bexley'),
    );
    expect(outcome.checks.map((check) => check.agency)).toEqual(['police', 'health', 'education']);
  });

  it('are the always agencies plus those proportionate to the concern (Bexley 15: "proportionate to the presenting issues")', () => {
    const policy = policyOf('croydon', {
      agencies: { always: ['police'], proportionate: { neglect: ['health'] } },
    });
    expect(
      screen(aContact({}, { categories: ['domestic-abuse'] }), undefined, policy).checks.map((c) => c.agency),
    ).toEqual(['police']);
    expect(
      screen(aContact({}, { categories: ['neglect'] }), undefined, policy).checks.map((c) => c.agency),
    ).toEqual(['police', 'health']);
  });

  it('leave education out of a Warwickshire contact about parental substance misuse alone (Warwickshire 7.3.1: "depending on the concerns raised")', () => {
    const outcome = screen(
      aContact({}, { categories: ['parental-substance-misuse'] }),
      undefined,
      policyOf('warwickshire'),
    );
    expect(outcome.checks.map((check) => check.agency)).toEqual(['police', 'health']);
  });

  it('are none when no child needs MASH checks', () => {
    const outcome = screen(aContact({ requestType: 'advice' }), undefined, policyOf('bexley'));
    expect(outcome.checks).toEqual([]);
  });
});
