import { type Lang, parseLang } from '@kyso/core/errors';

/** What a command may touch: injected so tests can run commands in-process. */
export interface CliContext {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Record<string, string | undefined>;
  cwd: string;
  lang: Lang;
}

/** --lang wins, then KYSO_LANG, then the locale (LC_ALL, LC_MESSAGES, LANG); English otherwise. */
export function detectLang(env: Record<string, string | undefined>, flag?: string): Lang {
  for (const candidate of [flag, env.KYSO_LANG, env.LC_ALL, env.LC_MESSAGES, env.LANG]) {
    const lang = parseLang(candidate);
    if (lang) return lang;
  }
  return 'en';
}
