/** @kyso/testkit/node: servers and files for tests on Node. */
export {
  type CorpusEntry,
  corpusDir,
  type IntegrityToken,
  loadCorpusCatalog,
  type ModificationToken,
} from './corpus.js';
export { readTestPki, type WrittenPki, writeTestPki } from './files.js';
export { openssl, type RunOptions, type RunResult, run, tempDir } from './judges.js';
export {
  type Outage,
  type PkiServer,
  type PkiServerOptions,
  type PkiService,
  servePki,
  startTestPki,
} from './server.js';
