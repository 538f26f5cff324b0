import PDFDocument from 'pdfkit';
import { LetterFonts, toWinAnsi } from './letter-fonts';
import type { OutcomeLetter } from './outcome-letter';

const MARGIN = 64;
const BODY_SIZE = 11;

/** Which font a run of text needs: the main one (Latin, Greek, Cyrillic), Arabic, or CJK. */
export type Script = 'main' | 'arabic' | 'cjk';

const ARABIC = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/u;
const CJK =
  /[\u1100-\u11FF\u2E80-\u2FDF\u3000-\u303F\u3040-\u30FF\u3100-\u31FF\u3400-\u4DBF\u4E00-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF\uFF00-\uFFEF]/u;
/** Spaces and punctuation belong to whichever run they are in, so "Ann and 王小明." switches font once. */
const NEUTRAL = /[\s.,;:!?'"()\-–—’“”]/u;

function scriptOf(char: string): Script | undefined {
  if (NEUTRAL.test(char)) return undefined;
  if (ARABIC.test(char)) return 'arabic';
  if (CJK.test(char)) return 'cjk';
  return 'main';
}

/** Splits text into runs that each need one font. */
export function scriptRuns(text: string): { script: Script; text: string }[] {
  const runs: { script: Script; text: string }[] = [];
  for (const char of text) {
    const script = scriptOf(char);
    const last = runs[runs.length - 1];
    if (last && (script === undefined || script === last.script)) last.text += char;
    else runs.push({ script: script ?? 'main', text: char });
  }
  return runs;
}

/**
 * Lays the letter out on A4 and returns the PDF's bytes. The same letter and date give the same bytes:
 * pdfkit derives the document id from its info dictionary, so the creation date is passed in (the
 * decision's time) instead of read from the system clock. The metadata holds the reference only, never
 * a name. The PDF is tagged (headings and paragraphs in a structure tree, for screen readers), has a
 * title that viewers show and a language. With `fonts` the text is set in them (embedded, subset), with
 * Arabic and CJK runs in their own fonts; without, in the built-in Helvetica, which cannot show every
 * name as written.
 */
export function renderLetterPdf(
  letter: OutcomeLetter,
  createdAt: Date,
  fonts?: LetterFonts,
): Promise<Buffer> {
  const title = letter.title.includes(letter.reference)
    ? letter.title
    : `${letter.title} ${letter.reference}`;
  const document = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    pdfVersion: '1.7',
    tagged: true,
    lang: letter.language ?? 'en-GB',
    displayTitle: true,
    info: {
      Title: title,
      Author: letter.hubName,
      Creator: 'MASH Hub notifications',
      Producer: 'MASH Hub notifications',
      CreationDate: createdAt,
      ModDate: createdAt,
    },
  });
  const chunks: Buffer[] = [];
  const finished = new Promise<Buffer>((resolve, reject) => {
    document.on('data', (chunk: Buffer) => chunks.push(chunk));
    document.on('end', () => resolve(Buffer.concat(chunks)));
    document.on('error', reject);
  });

  const fontName = (script: Script, bold: boolean) => `letter-${script}-${bold ? 'bold' : 'regular'}`;
  const available = new Set<Script>(['main']);
  if (fonts) {
    document.registerFont(fontName('main', false), fonts.regular);
    document.registerFont(fontName('main', true), fonts.bold);
    for (const script of ['arabic', 'cjk'] as const) {
      const pair = fonts[script];
      if (!pair) continue;
      document.registerFont(fontName(script, false), pair.regular, pair.collectionName?.regular);
      document.registerFont(fontName(script, true), pair.bold, pair.collectionName?.bold);
      available.add(script);
    }
  } else {
    document.registerFont(fontName('main', false), 'Helvetica');
    document.registerFont(fontName('main', true), 'Helvetica-Bold');
  }
  const width = document.page.width - 2 * MARGIN;

  /** One tagged block (P, H1, H2), its text in as many font runs as its scripts need. */
  const block = (
    tag: 'P' | 'H1' | 'H2',
    text: string,
    style: { bold?: boolean; size?: number; align?: 'left' | 'right'; lineGap?: number } = {},
  ) => {
    const size = style.size ?? BODY_SIZE;
    const runs = fonts
      ? scriptRuns(text).map((run) =>
          available.has(run.script) ? run : { ...run, script: 'main' as Script },
        )
      : [{ script: 'main' as Script, text: toWinAnsi(text) }];
    const element = document.struct(tag, {}, () => {
      runs.forEach((run, index) => {
        document
          .font(fontName(run.script, style.bold === true))
          .fontSize(size)
          .text(run.text, {
            width,
            align: style.align ?? 'left',
            lineGap: style.lineGap,
            continued: index < runs.length - 1,
          });
      });
    });
    document.addStructure(element);
  };

  block('P', letter.hubName, { bold: true, size: 16, align: 'right' });
  document.moveDown(2);
  for (const line of letter.addressee) block('P', line);
  document.moveDown();
  block('P', letter.dated, { align: 'right' });
  block('P', `Our reference: ${letter.reference}`, { align: 'right' });
  document.moveDown(1.5);

  block('H1', letter.title, { bold: true, size: 13 });
  document.moveDown();
  block('P', letter.salutation);
  document.moveDown();

  for (const section of letter.sections) {
    if (section.heading) {
      block('H2', section.heading, { bold: true });
      document.moveDown(0.3);
    }
    for (const paragraph of section.paragraphs) {
      block('P', paragraph, { lineGap: 2 });
      document.moveDown(0.8);
    }
  }

  document.moveDown();
  for (const line of letter.signOff) block('P', line);

  document.end();
  return finished;
}
