import { existsSync, readFileSync } from 'node:fs';

/** TrueType fonts to embed, so every name prints as written (Łucja, Zoë, Ștefan, Дмитрий). */
export interface LetterFonts {
  regular: Buffer;
  bold: Buffer;
}

/** DejaVu Sans as Debian and Ubuntu install it (fonts-dejavu-core); used when no font is configured. */
export const SYSTEM_FONT_FILES = {
  regular: '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
  bold: '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf',
};

/**
 * The fonts letters are set in: the configured TrueType files (a missing one stops start-up), else
 * DejaVu Sans where the system has it, else none: letters then use the PDF's built-in Helvetica,
 * which covers Western European letters only (see `toWinAnsi`).
 */
export function loadLetterFonts(regularFile?: string, boldFile?: string): LetterFonts | undefined {
  if (regularFile) {
    return { regular: readFileSync(regularFile), bold: readFileSync(boldFile ?? regularFile) };
  }
  if (existsSync(SYSTEM_FONT_FILES.regular) && existsSync(SYSTEM_FONT_FILES.bold)) {
    return { regular: readFileSync(SYSTEM_FONT_FILES.regular), bold: readFileSync(SYSTEM_FONT_FILES.bold) };
  }
  return undefined;
}

/** The characters the built-in fonts' WinAnsi encoding has beyond Latin-1. */
const WIN_ANSI_EXTRAS = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
const NO_DECOMPOSITION: Record<string, string> = {
  Ł: 'L',
  ł: 'l',
  Đ: 'D',
  đ: 'd',
  ı: 'i',
  Ħ: 'H',
  ħ: 'h',
  Ŧ: 'T',
  ŧ: 't',
};

function inWinAnsi(char: string): boolean {
  const code = char.codePointAt(0)!;
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRAS.has(char);
}

/**
 * Text the built-in fonts can show: a letter they lack loses its accent (ș -> s, Ł -> L) and anything
 * else becomes '?'. Without this pdfkit writes such characters as broken codes that garble the rest
 * of the line. Only used when no TrueType font is available.
 */
export function toWinAnsi(text: string): string {
  let out = '';
  for (const char of text) {
    if (char === '\n' || inWinAnsi(char)) {
      out += char;
      continue;
    }
    const base = NO_DECOMPOSITION[char] ?? char.normalize('NFD').replace(/\p{M}/gu, '');
    out += base && [...base].every(inWinAnsi) ? base : '?';
  }
  return out;
}
