// custom-elements.json, generated from the elements' JSDoc (@event, @csspart, @cssprop…) on build.
export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.stories.ts', 'src/**/*.d.ts'],
  outdir: '.',
  litelement: true,
  plugins: [
    {
      // dispatchEvent(new KysoXEvent(…)) is seen as an event without a name; the JSDoc names it
      name: 'kyso-named-events-only',
      packageLinkPhase({ customElementsManifest }) {
        for (const mod of customElementsManifest.modules)
          for (const d of mod.declarations ?? []) if (d.events) d.events = d.events.filter((e) => e.name);
      },
    },
  ],
};
