import { subjectIdentityKeys } from './subject-identity';

describe('subject identity keys', () => {
  it('knows a person again by name and date of birth, whatever the case and spacing', () => {
    expect(
      subjectIdentityKeys({ givenName: ' AMY ', familyName: 'de  la Cruz', dateOfBirth: '2016-03-04' }),
    ).toEqual(subjectIdentityKeys({ givenName: 'amy', familyName: 'De La Cruz', dateOfBirth: '2016-03-04' }));
  });

  it('never keys a person by name alone: without a date of birth only national identifiers count', () => {
    expect(subjectIdentityKeys({ givenName: 'Amy', familyName: 'Jones', dateOfBirth: null })).toEqual([]);
    expect(
      subjectIdentityKeys({
        givenName: 'Amy',
        familyName: 'Jones',
        nhsNumber: '9434765919',
        upn: 'a123456789012',
      }),
    ).toEqual(['nhs:9434765919', 'upn:A123456789012']);
  });

  it('ignores an NHS number that is not ten digits', () => {
    expect(subjectIdentityKeys({ givenName: 'Amy', familyName: 'Jones', nhsNumber: '12345' })).toEqual([]);
  });

  it('tells apart two people with the same name and different dates of birth', () => {
    const [a] = subjectIdentityKeys({ givenName: 'Amy', familyName: 'Jones', dateOfBirth: '2016-03-04' });
    const [b] = subjectIdentityKeys({ givenName: 'Amy', familyName: 'Jones', dateOfBirth: '2016-04-03' });
    expect(a).not.toBe(b);
  });
});
