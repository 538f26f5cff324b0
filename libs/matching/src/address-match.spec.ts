import { compareAddresses } from './address-match';

describe('address agreement', () => {
  it('agrees on a postcode written with other spacing and case', () => {
    expect(compareAddresses({ postcode: 'CR0 1AA' }, { postcode: 'cr01aa' })).toBe('same-postcode');
  });

  it('agrees on the whole address when the first line agrees too', () => {
    expect(
      compareAddresses(
        { line1: '1 High St.', postcode: 'CR0 1AA' },
        { line1: '1 high st', postcode: 'CR01AA' },
      ),
    ).toBe('same-address');
  });

  it('says different for another postcode and missing when either side has none', () => {
    expect(compareAddresses({ postcode: 'CR0 1AA' }, { postcode: 'SE1 7PB' })).toBe('different');
    expect(compareAddresses({ postcode: 'CR0 1AA' }, null)).toBe('missing');
  });
});
