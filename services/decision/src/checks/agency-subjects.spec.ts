import { aCheckSubject, anAdult, aChild, anUnbornChild } from '@mash/contracts/testing';
import { subjectsForCheck } from './agency-subjects';

const contact = { children: [aChild(), anUnbornChild()], adults: [anAdult()] };
const everyone = [
  aCheckSubject({ subjectId: 'child-0' }),
  aCheckSubject({ subjectId: 'child-1', dateOfBirth: null }),
  aCheckSubject({ subjectId: 'adult-0', role: 'adult' }),
];

describe('whom an agency a manager adds is asked about (Croydon 4: necessary, proportionate, relevant)', () => {
  it('sends a check the people screening named for it, when it named them', () => {
    const subjects = subjectsForCheck({ agency: 'police', subjectIds: ['adult-0'] }, everyone, contact);
    expect(subjects.map((subject) => subject.subjectId)).toEqual(['adult-0']);
  });

  it('sends nobody to education about an unborn baby alone', () => {
    const unbornOnly = { children: [anUnbornChild()], adults: [anAdult()] };
    expect(subjectsForCheck({ agency: 'education', subjectIds: null }, everyone, unbornOnly)).toEqual([]);
  });
});
