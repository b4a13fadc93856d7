/** The languages users see. Vietnamese first: the first market is Vietnamese agencies. */
export type Lang = 'vi' | 'en';

export const LANGS: readonly Lang[] = ['vi', 'en'];

/** The supported language a BCP 47 tag or POSIX locale names (`vi-VN`, `en_US.UTF-8`), if any. */
export function parseLang(tag: string | undefined | null): Lang | undefined {
  const primary = tag
    ?.trim()
    .toLowerCase()
    .split(/[-_.@]/)[0];
  return primary === 'vi' || primary === 'en' ? primary : undefined;
}

/** Like parseLang, with a fallback (English unless given). */
export function pickLang(tag: string | undefined | null, fallback: Lang = 'en'): Lang {
  return parseLang(tag) ?? fallback;
}
