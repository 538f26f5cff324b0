import { existsSync, readFileSync } from 'node:fs';

/** A regular and a bold face; `collectionName` picks the face out of a .ttc collection (Noto Sans CJK). */
export interface FontPair {
  regular: Buffer;
  bold: Buffer;
  collectionName?: { regular: string; bold: string };
}

/**
 * Fonts to embed, so every name prints as written (Łucja, Zoë, Ștefan, Дмитрий, Νίκος, محمد, 王小明).
 * No one font covers every script, so a letter is set in `regular`/`bold` (Latin, Greek, Cyrillic) and
 * runs of Arabic or CJK text switch to those fonts (letter-pdf.ts, `scriptRuns`).
 */
export interface LetterFonts extends FontPair {
  arabic?: FontPair;
  cjk?: FontPair;
}

/**
 * Noto as Debian installs it (fonts-noto-core, fonts-noto-cjk); the container image copies these files to
 * the same places (services/notifications/Dockerfile).
 */
export const NOTO_FONT_FILES = {
  regular: '/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf',
  bold: '/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf',
  arabicRegular: '/usr/share/fonts/truetype/noto/NotoSansArabic-Regular.ttf',
  arabicBold: '/usr/share/fonts/truetype/noto/NotoSansArabic-Bold.ttf',
  cjkRegular: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  cjkBold: '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc',
};

/** DejaVu Sans as Debian and Ubuntu install it (fonts-dejavu-core); used when Noto is not installed. */
export const SYSTEM_FONT_FILES = {
  regular: '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
  bold: '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf',
};

function pairIfPresent(regular: string, bold: string): FontPair | undefined {
  return existsSync(regular) && existsSync(bold)
    ? { regular: readFileSync(regular), bold: readFileSync(bold) }
    : undefined;
}

/** The Arabic and CJK fonts, where installed: added to whichever main font is used. */
function scriptFonts(): Pick<LetterFonts, 'arabic' | 'cjk'> {
  const arabic = pairIfPresent(NOTO_FONT_FILES.arabicRegular, NOTO_FONT_FILES.arabicBold);
  const cjk = pairIfPresent(NOTO_FONT_FILES.cjkRegular, NOTO_FONT_FILES.cjkBold);
  return {
    ...(arabic ? { arabic } : {}),
    ...(cjk
      ? { cjk: { ...cjk, collectionName: { regular: 'NotoSansCJKsc-Regular', bold: 'NotoSansCJKsc-Bold' } } }
      : {}),
  };
}

/**
 * The fonts letters are set in: the configured TrueType files (a missing one stops start-up), else Noto
 * Sans where installed, else DejaVu Sans, else none: letters then use the PDF's built-in Helvetica,
 * which covers Western European letters only (see `toWinAnsi`). Noto Sans Arabic and Noto Sans CJK are
 * added for those scripts wherever they are installed.
 */
export function loadLetterFonts(regularFile?: string, boldFile?: string): LetterFonts | undefined {
  if (regularFile) {
    return {
      regular: readFileSync(regularFile),
      bold: readFileSync(boldFile ?? regularFile),
      ...scriptFonts(),
    };
  }
  const main =
    pairIfPresent(NOTO_FONT_FILES.regular, NOTO_FONT_FILES.bold) ??
    pairIfPresent(SYSTEM_FONT_FILES.regular, SYSTEM_FONT_FILES.bold);
  return main ? { ...main, ...scriptFonts() } : undefined;
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
