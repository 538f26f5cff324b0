import { distinctivePassages, normaliseForComparison, quotesMashOnlyItem } from './mash-only-quotation';

const intelligence =
  'Soft intelligence links the mother’s partner to drug supply in the area. Not for disclosure to the family.';

describe('mash-only leak check on feedback to the referrer', () => {
  it('refuses feedback that contains a whole mash-only summary', () => {
    expect(quotesMashOnlyItem(`Thank you. ${intelligence} We will be in touch.`, [intelligence])).toBe(true);
  });

  it('ignores case, punctuation and spacing when comparing', () => {
    const shouted = 'SOFT INTELLIGENCE links the mother’s   partner to drug-supply in the area!!';
    expect(quotesMashOnlyItem(shouted, [intelligence])).toBe(true);
  });

  it('refuses feedback that quotes one distinctive sentence of a summary', () => {
    expect(quotesMashOnlyItem('Please note: not for disclosure to the family.', [intelligence])).toBe(true);
  });

  it('refuses feedback that quotes eight consecutive words from inside a long sentence', () => {
    expect(
      quotesMashOnlyItem('We understand the mother’s partner to drug supply in the area is a worry.', [
        intelligence,
      ]),
    ).toBe(true);
  });

  it('accepts feedback that shares only a few common words with a summary', () => {
    expect(
      quotesMashOnlyItem('Thank you for your referral about the family. We are offering early help.', [
        intelligence,
      ]),
    ).toBe(false);
  });

  it('matches a short summary only as whole words, not inside another word', () => {
    expect(quotesMashOnlyItem('We have given advice to the school.', ['DV'])).toBe(false);
    expect(quotesMashOnlyItem('There is a history of DV in the home.', ['DV'])).toBe(true);
  });

  it('accepts any feedback when the record has no mash-only item', () => {
    expect(quotesMashOnlyItem(intelligence, [])).toBe(false);
  });

  it('accepts empty feedback', () => {
    expect(quotesMashOnlyItem('   ', [intelligence])).toBe(false);
  });

  it('does not treat a short generic sentence of a summary as distinctive', () => {
    const summary = 'Known. Father has two cautions for assault in 2019.';
    expect(distinctivePassages(summary)).not.toContain('known');
    expect(quotesMashOnlyItem('The family is known to us.', [summary])).toBe(false);
    expect(quotesMashOnlyItem('We hear father has two cautions for assault in 2019.', [summary])).toBe(true);
  });

  it('normalises text to lower-case words separated by single spaces', () => {
    expect(normaliseForComparison('  Known to\nPOLICE (2019)! ')).toBe('known to police 2019');
  });
});

describe('quotesMashOnlyItem sees through disguises (issue 15)', () => {
  const summary = 'The mother’s partner is believed to be linked to county lines supply.';

  it('ignores soft hyphens and zero-width characters inside words', () => {
    expect(
      quotesMashOnlyItem('We heard the partner is linked to coun\u00ADty li\u200Bnes supply.', [summary]),
    ).toBe(false);
    expect(
      quotesMashOnlyItem(
        'The mother’s part\u00ADner is be\u200Blieved to be linked to county lines sup\u00ADply.',
        [summary],
      ),
    ).toBe(true);
  });

  it('reads Cyrillic and Greek look-alike letters as the Latin ones, and ignores accents', () => {
    // "о", "е", "р" and "с" below are Cyrillic; "é" carries an accent.
    expect(
      quotesMashOnlyItem('The mоther’s partnеr is believed to bé linked to county lines suррly.', [summary]),
    ).toBe(true);
    expect(quotesMashOnlyItem('linked to сounty lines', ['Linked to county lines'])).toBe(true);
  });

  it('catches a passage spelt out with spaces or run together', () => {
    expect(
      quotesMashOnlyItem('T h e  m o t h e r s  p a r t n e r  i s  b e l i e v e d  to be linked', [
        summary,
      ]),
    ).toBe(true);
    expect(quotesMashOnlyItem('themotherspartnerisbelievedtobelinkedtocountylinessupply', [summary])).toBe(
      true,
    );
  });

  it('still does not match a short summary inside other words when spaces are taken out', () => {
    expect(quotesMashOnlyItem('Thanks for the hopeful report.', ['Hope'])).toBe(false);
    expect(quotesMashOnlyItem('a cat alogue', ['catalogue'])).toBe(false);
  });
});
