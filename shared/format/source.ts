/**
 * The publisher of a figure as a wall line can hold it. The catalogue names publishers in
 * full, «Liên đoàn Thương mại và Công nghiệp Việt Nam (VCCI)»; a tile a few metres away has
 * room for the abbreviation the publisher goes by, «VCCI». Any other closing parenthesis
 * names the parent body, «Cục Thống kê (Bộ Tài chính)», and gives way: «Cục Thống kê».
 * Names without one («Bộ Nội vụ», «UNDP và CECODES») are short already and stay as they are.
 */
export function shortSource(source: string | null | undefined): string | null {
  const s = source?.trim();
  if (!s) return null;
  const abbreviation = /\(([\p{Lu}][\p{Lu}\p{N}&\-. ]{1,15})\)$/u.exec(s);
  if (abbreviation) return abbreviation[1]!.trim();
  const parent = /^(.+?)\s*\([^()]*\)$/u.exec(s);
  return parent ? parent[1]! : s;
}

/** «Nguồn: VCCI» / "Source: VCCI". */
export function sourceLine(source: string, lang: 'vi' | 'en' = 'vi'): string {
  return lang === 'en' ? `Source: ${source}` : `Nguồn: ${source}`;
}
