import { createContext, useContext } from 'react';

/** The console speaks Vietnamese first; English is a switch in the header. */
export type Lang = 'vi' | 'en';
export const LangContext = createContext<Lang>('vi');

/** `t('Lưu', 'Save')`: the text in the page's language. */
export function useT(): (vi: string, en: string) => string {
  const lang = useContext(LangContext);
  return (vi, en) => (lang === 'en' ? en : vi);
}

export function useLang(): Lang {
  return useContext(LangContext);
}

/** An error from the wire in the page's language. */
export function messageOf(lang: Lang, error: { message_vi: string; message_en: string }): string {
  return lang === 'en' ? error.message_en : error.message_vi;
}

/** A time as Viet Nam reads it (Asia/Ho_Chi_Minh), whatever the browser's zone. */
export function formatTime(lang: Lang, iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(lang === 'en' ? 'en-GB' : 'vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', dateStyle: 'short', timeStyle: 'short' });
}

/** A time to the second (a health change, an alert): when exactly matters there. */
export function formatClock(lang: Lang, iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(lang === 'en' ? 'en-GB' : 'vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', dateStyle: 'short', timeStyle: 'medium' });
}
