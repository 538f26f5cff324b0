import { aDecisionRecorded, aLetterChild } from '@mash/contracts/testing';
import { existsSync } from 'node:fs';
import { loadLetterFonts, NOTO_FONT_FILES, SYSTEM_FONT_FILES } from './letter-fonts';
import { renderLetterPdf, scriptRuns } from './letter-pdf';
import { OUTCOME_WORDING, childrenWords, familyOutcomeLetter, outcomeLetter } from './outcome-letter';

// pdf-parse's index runs a self-test when loaded; its lib entry does not.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pdfParse: (data: Buffer) => Promise<{ text: string }> = require('pdf-parse/lib/pdf-parse.js');

/** The text a reader (or a screen reader) gets out of the PDF, with line wrapping undone. */
async function readableText(pdf: Buffer): Promise<string> {
  return (await pdfParse(pdf)).text.replace(/\s+/g, ' ');
}

const HUB = 'Example Multi-Agency Safeguarding Hub';
const DECIDED_AT = new Date('2024-03-04T15:30:00.000Z');

describe('letter PDF', () => {
  it('is a complete PDF document', async () => {
    const pdf = await renderLetterPdf(outcomeLetter(aDecisionRecorded(), HUB), DECIDED_AT);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.subarray(-6).toString('latin1')).toContain('%%EOF');
    expect(pdf.length).toBeGreaterThan(1_000);
  });

  it('gives the same bytes for the same letter and date, so a re-rendered letter can be compared', async () => {
    const letter = outcomeLetter(aDecisionRecorded(), HUB);
    const first = await renderLetterPdf(letter, DECIDED_AT);
    const second = await renderLetterPdf(letter, DECIDED_AT);
    expect(first.equals(second)).toBe(true);
  });

  it('differs when the letter differs', async () => {
    const first = await renderLetterPdf(
      outcomeLetter(aDecisionRecorded({ outcome: 'signpost' }), HUB),
      DECIDED_AT,
    );
    const second = await renderLetterPdf(
      outcomeLetter(aDecisionRecorded({ outcome: 'lado' }), HUB),
      DECIDED_AT,
    );
    expect(first.equals(second)).toBe(false);
  });

  it('records the creation date given, not the time it was rendered', async () => {
    const pdf = await renderLetterPdf(outcomeLetter(aDecisionRecorded(), HUB), DECIDED_AT);
    expect(pdf.toString('latin1')).toContain('(D:20240304153000Z)');
  });

  it('keeps names out of the document metadata', async () => {
    const pdf = await renderLetterPdf(
      outcomeLetter(
        aDecisionRecorded({ children: [aLetterChild({ givenName: 'Zelda', familyName: 'Quigley' })] }),
        HUB,
      ),
      DECIDED_AT,
    );
    // The page text is compressed, so what can be read in the raw bytes is the metadata.
    const raw = pdf.toString('latin1');
    expect(raw).toContain(`(Outcome of your contact: reference ${aDecisionRecorded().reference})`);
    expect(raw).not.toContain('Zelda');
    expect(raw).not.toContain('Quigley');
  });

  it('renders names outside Latin-1 and a long feedback over more than one page without failing', async () => {
    const letter = outcomeLetter(
      aDecisionRecorded({
        children: [
          aLetterChild({ givenName: 'Łucja', familyName: 'Wiśniewska' }),
          aLetterChild({ givenName: 'محمد', familyName: '李' }),
        ],
        feedbackToReferrer: Array.from(
          { length: 40 },
          (_, i) => `Paragraph ${i} of the feedback to the referrer.`,
        ).join('\n\n'),
      }),
      HUB,
    );
    const pdf = await renderLetterPdf(letter, DECIDED_AT);
    expect(pdf.toString('latin1').match(/\/Type \/Page\b/g)?.length).toBeGreaterThan(1);
  });

  const withSystemFont =
    existsSync(NOTO_FONT_FILES.regular) || existsSync(SYSTEM_FONT_FILES.regular) ? it : it.skip;
  withSystemFont(
    'embeds a TrueType font when one is available, and stays deterministic with it',
    async () => {
      const fonts = loadLetterFonts();
      const letter = outcomeLetter(
        aDecisionRecorded({ children: [aLetterChild({ givenName: 'Łucja' })] }),
        HUB,
      );
      const first = await renderLetterPdf(letter, DECIDED_AT, fonts);
      const second = await renderLetterPdf(letter, DECIDED_AT, fonts);
      expect(first.toString('latin1')).toMatch(/\/FontFile2 \d+ 0 R/);
      expect(first.toString('latin1')).toMatch(
        existsSync(NOTO_FONT_FILES.regular) ? /NotoSans/ : /DejaVuSans/,
      );
      expect(first.equals(second)).toBe(true);
    },
  );

  it('uses the built-in Helvetica when no font is given', async () => {
    const pdf = await renderLetterPdf(outcomeLetter(aDecisionRecorded(), HUB), DECIDED_AT);
    expect(pdf.toString('latin1')).toContain('/BaseFont /Helvetica');
    expect(pdf.toString('latin1')).not.toContain('/FontFile2');
  });

  withSystemFont('holds the letter as readable text: reference, names, outcome and feedback', async () => {
    const decision = aDecisionRecorded({
      outcome: 'early-help',
      children: [aLetterChild({ givenName: 'Łucja', familyName: 'Wiśniewska' })],
      feedbackToReferrer: 'Thank you for noticing.',
    });
    const text = await readableText(
      await renderLetterPdf(outcomeLetter(decision, HUB), DECIDED_AT, loadLetterFonts()),
    );
    expect(text).toContain(HUB);
    expect(text).toContain(decision.reference);
    expect(text).toContain('Łucja Wiśniewska');
    expect(text).toContain(OUTCOME_WORDING['early-help'].decision(childrenWords(1)));
    expect(text).toContain('Thank you for noticing.');
  });

  it('stays a readable PDF in the built-in font, names losing only what it cannot show', async () => {
    const decision = aDecisionRecorded({
      children: [aLetterChild({ givenName: 'Łucja', familyName: 'Wiśniewska' })],
    });
    const text = await readableText(await renderLetterPdf(outcomeLetter(decision, HUB), DECIDED_AT));
    expect(text).toContain('Lucja Wisniewska');
    expect(text).toContain(decision.reference);
  });

  it('is tagged for screen readers, with its language and a title viewers show instead of the file name', async () => {
    const pdf = await renderLetterPdf(outcomeLetter(aDecisionRecorded(), HUB), DECIDED_AT);
    const raw = pdf.toString('latin1');
    expect(raw).toMatch(/\/MarkInfo \d+ 0 R/);
    expect(raw).toContain('/Marked true');
    expect(raw).toContain('/StructTreeRoot');
    expect(raw).toContain('/Lang (en-GB)');
    expect(raw).toMatch(/\/DisplayDocTitle true/);
    expect(raw).toContain(`(Outcome of your contact: reference ${aDecisionRecorded().reference})`);
  });

  it('splits text into runs by the font each script needs, spaces and punctuation staying in their run', () => {
    expect(scriptRuns('Dear Ann, محمد and 王小明.')).toEqual([
      { script: 'main', text: 'Dear Ann, ' },
      { script: 'arabic', text: 'محمد ' },
      { script: 'main', text: 'and ' },
      { script: 'cjk', text: '王小明.' },
    ]);
  });
});

describe('letters in any script', () => {
  const withNoto =
    existsSync(NOTO_FONT_FILES.regular) &&
    existsSync(NOTO_FONT_FILES.arabicRegular) &&
    existsSync(NOTO_FONT_FILES.cjkRegular)
      ? it
      : it.skip;

  withNoto(
    'prints Дмитрий Иванов, محمد and 王小明 as written, and their text reads back out of the PDF',
    async () => {
      const decision = aDecisionRecorded({
        outcome: 'early-help',
        children: [
          aLetterChild({ givenName: 'Дмитрий', familyName: 'Иванов' }),
          aLetterChild({ givenName: 'محمد', familyName: 'علي' }),
          aLetterChild({ givenName: '小明', familyName: '王' }),
          aLetterChild({ givenName: 'Νίκος', familyName: 'Παπαδόπουλος' }),
        ],
      });
      const fonts = loadLetterFonts();
      expect(fonts?.arabic).toBeDefined();
      expect(fonts?.cjk).toBeDefined();
      const pdf = await renderLetterPdf(
        familyOutcomeLetter(decision, { name: 'Ольга Иванова' }, HUB),
        DECIDED_AT,
        fonts,
      );
      const text = await readableText(pdf);
      expect(text).toContain('Дмитрий Иванов');
      expect(text).toContain('محمد');
      expect(text).toContain('علي');
      expect(text).toContain('小明 王');
      expect(text).toContain('Νίκος Παπαδόπουλος');
      expect(text).toContain('Dear Ольга Иванова,');
      // Three embedded fonts: Noto Sans, Noto Sans Arabic and Noto Sans CJK.
      const raw = pdf.toString('latin1');
      expect(raw).toMatch(/NotoSans-/);
      expect(raw).toMatch(/NotoSansArabic/);
      expect(raw).toMatch(/NotoSansCJK/);
    },
  );
});
