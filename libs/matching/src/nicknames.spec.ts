import { areNicknames, nicknameGroups } from './nicknames';

describe('nicknames and diminutives', () => {
  it('knows Bill is William', () => expect(areNicknames('Bill', 'William')).toBe(true));
  it('knows Kasia is Katarzyna', () => expect(areNicknames('Kasia', 'Katarzyna')).toBe(true));
  it('knows Peggy is Margaret', () => expect(areNicknames('Peggy', 'Margaret')).toBe(true));
  it('knows two short forms of one name are the same name (Bill and Liam)', () =>
    expect(areNicknames('Bill', 'Liam')).toBe(true));
  it('works either way round and whatever the case', () =>
    expect(areNicknames('WILLIAM', 'bill')).toBe(true));
  it('does not treat unrelated names as nicknames', () => expect(areNicknames('Bill', 'Peter')).toBe(false));
  it('does not call a name its own nickname', () => expect(areNicknames('Bill', 'bill')).toBe(false));
  it('lets a short form stand for more than one formal name', () =>
    expect(nicknameGroups('Alex').sort()).toEqual(expect.arrayContaining(['alexander', 'alexandra'])));
});
