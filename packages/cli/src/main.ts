import { KysoError, type Lang, toKysoError } from '@kyso/core/errors';
import { type CliContext, detectLang } from './context.js';
import { EXIT } from './exit.js';

/** The global flags, wherever they stand before the command. */
function splitGlobal(argv: readonly string[]): {
  lang?: string;
  help: boolean;
  version: boolean;
  rest: string[];
  error?: string;
} {
  const rest: string[] = [];
  let lang: string | undefined;
  let help = false;
  let version = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--lang') {
      lang = argv[++i];
      if (lang === undefined) return { help, version, rest, error: 'Option --lang needs a value (vi or en)' };
    } else if (a.startsWith('--lang=')) lang = a.slice(7);
    else if (rest.length === 0 && (a === '-h' || a === '--help')) help = true;
    else if (rest.length === 0 && (a === '-V' || a === '--version')) version = true;
    else rest.push(a);
  }
  return { ...(lang !== undefined ? { lang } : {}), help, version, rest };
}

type Command = (args: string[], ctx: CliContext) => Promise<number>;

/** Commands load on demand, so `kyso --version` does not pay for the signing code. */
const COMMANDS: Record<string, () => Promise<Command>> = {
  'dev-pki': async () => (await import('./commands/dev-pki.js')).devPki,
  cms: async () => (await import('./commands/cms.js')).cms,
  // precompiled with a code cache when built (build.mjs): `kyso sign` starts fastest
  sign: async () => {
    const { loadPrecompiled } = await import('./precompiled.js');
    return (
      loadPrecompiled<typeof import('./commands/sign.js')>('sign') ?? (await import('./commands/sign.js'))
    ).sign;
  },
  inspect: async () => (await import('./commands/inspect.js')).inspect,
  verify: async () => (await import('./commands/verify.js')).verify,
  ltv: async () => (await import('./commands/ltv.js')).ltv,
  timestamp: async () => (await import('./commands/ltv.js')).timestamp,
  serve: async () => (await import('./commands/serve.js')).serve,
};

/** Runs the `kyso` command line; returns the exit status. Never throws. */
export async function main(argv: readonly string[], io: Omit<CliContext, 'lang'>): Promise<number> {
  const global = splitGlobal(argv);
  let lang: Lang = detectLang(io.env);
  const ctx = (): CliContext => ({ ...io, lang });
  const fail = (error: unknown): number => {
    const k = toKysoError(error, lang);
    io.stderr(`kyso: ${k.code}: ${k.localize(lang).replace(/\s*\n\s*/g, ' ')}\n`);
    if (k.code === 'INTERNAL' && io.env.KYSO_DEBUG && k.cause instanceof Error)
      io.stderr(`${k.cause.stack}\n`);
    return EXIT.usage;
  };
  try {
    if (global.error) throw new KysoError('USAGE', { params: { detail: global.error }, lang });
    if (global.lang !== undefined) {
      if (global.lang !== 'vi' && global.lang !== 'en') {
        throw new KysoError('USAGE', {
          params: { detail: `--lang must be vi or en, not "${global.lang}"` },
          lang,
        });
      }
      lang = global.lang;
    }
    if (global.version) {
      io.stdout(`${(await import('./version.js')).cliVersion()}\n`);
      return EXIT.ok;
    }
    const [name, ...args] = global.rest;
    if (global.help || name === undefined || name === 'help') {
      io.stdout((await import('./help.js')).helpText(lang));
      return name === undefined && !global.help ? EXIT.usage : EXIT.ok;
    }
    const load = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
    if (!load) throw new KysoError('UNKNOWN_COMMAND', { params: { command: name }, lang });
    return await (await load())(args, ctx());
  } catch (error) {
    return fail(error);
  }
}
