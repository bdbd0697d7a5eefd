import type { Bilingual } from '../i18n';

/**
 * Message templates with named holes: `"retry in {seconds} s"`. A hole is filled with a
 * number, a string, or a Bilingual pair (its Vietnamese half in the Vietnamese text, its
 * English half in the English one). The hole names of a template are known to the type
 * checker, so a call that forgets one does not compile.
 */
export type ParamValue = string | number | Bilingual;

/** The names of the `{holes}` of a template literal type. */
export type HolesOf<S extends string> = S extends `${string}{${infer Name}}${infer Rest}`
  ? // Braces around prose ("{indicator, value, …}") are text, not a hole.
    (Name extends `${string}${' ' | ','}${string}` ? never : Name) | HolesOf<Rest>
  : never;

export type Language = 'vi' | 'en';

export function fillTemplate(template: string, params: Readonly<Record<string, ParamValue>>, language: Language): string {
  return template.replace(/\{(\w+)\}/g, (hole, name: string) => {
    const value = params[name];
    if (value === undefined) return hole;
    return typeof value === 'object' ? value[language] : String(value);
  });
}
