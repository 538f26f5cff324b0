import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadLetterFonts, toWinAnsi } from './letter-fonts';

describe('letter fonts', () => {
  it('keeps the letters the built-in fonts have', () => {
    expect(toWinAnsi('Zoë Ægir-O’Brien: “café” – €5')).toBe('Zoë Ægir-O’Brien: “café” – €5');
  });

  it('drops only the accent of a letter the built-in fonts lack', () => {
    expect(toWinAnsi('Łucja Wiśniewska, Ștefan Dvořák')).toBe('Lucja Wisniewska, Stefan Dvorák');
  });

  it('shows a question mark for a character with no Latin form', () => {
    expect(toWinAnsi('محمد 李')).toBe('???? ?');
  });

  it('reads the configured font files, the regular one standing in for a missing bold', () => {
    const folder = mkdtempSync(join(tmpdir(), 'fonts-'));
    writeFileSync(join(folder, 'regular.ttf'), 'regular');
    const fonts = loadLetterFonts(join(folder, 'regular.ttf'));
    expect(fonts?.regular.toString()).toBe('regular');
    expect(fonts?.bold.toString()).toBe('regular');
  });

  it('refuses to start with a configured font file that does not exist', () => {
    expect(() => loadLetterFonts('/nonexistent/font.ttf')).toThrow();
  });
});
