/**
 * Folding text for search, so that an operator typing on any keyboard finds what they
 * mean: "tang truong" finds "Tăng trưởng", "dau tu" finds "Đầu tư", case and spacing do
 * not matter. Pure; used by the console's indicator picker.
 *
 * Vietnamese letters decompose (NFD) into a base letter and combining marks (U+0300–U+036F),
 * which are dropped. Đ/đ is a letter of its own, not a d with a mark, so it is mapped by hand.
 */
const COMBINING_MARKS = /[\u0300-\u036f]/g;

export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** The words of a query, folded; empty words dropped. */
export function foldedWords(query: string): string[] {
  const folded = fold(query);
  return folded === '' ? [] : folded.split(' ');
}

/** Whether every word of the query occurs in the (already folded) text. An empty query matches everything. */
export function matchesWords(foldedText: string, words: ReadonlyArray<string>): boolean {
  return words.every((word) => foldedText.includes(word));
}
