import { aChild, anAdult, anUnbornChild } from '@mash/contracts/testing';
import { subjectIdsFor } from './agency-subjects';

const family = {
  children: [aChild(), aChild({ givenName: 'Ben' }), anUnbornChild()],
  adults: [anAdult(), anAdult({ givenName: 'Chris', relationship: 'Stepfather' })],
};

describe('whom each agency is asked about (think family, Warwickshire 5; necessary and proportionate, Croydon 4)', () => {
  it('asks the police about the born children and every adult', () => {
    expect(subjectIdsFor('police', family)).toEqual(['child-0', 'child-1', 'adult-0', 'adult-1']);
  });

  it('asks health about every child, unborn too (midwifery), and every adult', () => {
    expect(subjectIdsFor('health', family)).toEqual(['child-0', 'child-1', 'child-2', 'adult-0', 'adult-1']);
  });

  it('asks education about the born children only', () => {
    expect(subjectIdsFor('education', family)).toEqual(['child-0', 'child-1']);
  });
});
