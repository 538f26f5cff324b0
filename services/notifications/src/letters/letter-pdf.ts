import PDFDocument from 'pdfkit';
import { LetterFonts, toWinAnsi } from './letter-fonts';
import type { OutcomeLetter } from './outcome-letter';

const MARGIN = 64;
const BODY_SIZE = 11;
const REGULAR = 'letter-regular';
const BOLD = 'letter-bold';

/**
 * Lays the letter out on A4 and returns the PDF's bytes. The same letter and date give the same bytes:
 * pdfkit derives the document id from its info dictionary, so the creation date is passed in (the
 * decision's time) instead of read from the system clock. The metadata holds the reference only,
 * never a name. With `fonts` the text is set in them (embedded, subset); without, in the built-in
 * Helvetica, which cannot show every name as written.
 */
export function renderLetterPdf(
  letter: OutcomeLetter,
  createdAt: Date,
  fonts?: LetterFonts,
): Promise<Buffer> {
  const document = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    info: {
      Title: `Outcome letter ${letter.reference}`,
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

  if (fonts) {
    document.registerFont(REGULAR, fonts.regular);
    document.registerFont(BOLD, fonts.bold);
  } else {
    document.registerFont(REGULAR, 'Helvetica');
    document.registerFont(BOLD, 'Helvetica-Bold');
  }
  const show = fonts ? (text: string) => text : toWinAnsi;
  const width = document.page.width - 2 * MARGIN;
  document.font(BOLD).fontSize(16).text(show(letter.hubName), { width, align: 'right' });
  document.moveDown(2);

  document.font(REGULAR).fontSize(BODY_SIZE);
  for (const line of letter.addressee) document.text(show(line), { width });
  document.moveDown();
  document.text(show(letter.dated), { width, align: 'right' });
  document.text(show(`Our reference: ${letter.reference}`), { width, align: 'right' });
  document.moveDown(1.5);

  document.font(BOLD).fontSize(13).text(show(letter.title), { width });
  document.moveDown();
  document.font(REGULAR).fontSize(BODY_SIZE).text(show(letter.salutation), { width });
  document.moveDown();

  for (const section of letter.sections) {
    if (section.heading) {
      document.font(BOLD).fontSize(BODY_SIZE).text(show(section.heading), { width });
      document.moveDown(0.3);
    }
    document.font(REGULAR).fontSize(BODY_SIZE);
    for (const paragraph of section.paragraphs) {
      document.text(show(paragraph), { width, align: 'left', lineGap: 2 });
      document.moveDown(0.8);
    }
  }

  document.moveDown();
  for (const line of letter.signOff) document.text(show(line), { width });

  document.end();
  return finished;
}
