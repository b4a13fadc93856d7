/** @kyso/testkit/node: servers, judges and files (PKI, test PDFs) for tests on Node. */
export { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.js';
export {
  type CorpusEntry,
  corpusDir,
  type IntegrityToken,
  loadCorpusCatalog,
  type ModificationToken,
  trustDir,
} from './corpus.js';
export { readTestPki, type WrittenPki, writeTestPki } from './files.js';
export { openssl, type RunOptions, type RunResult, run, tempDir } from './judges.js';
export {
  type LargeTestPdfOptions,
  type LinearizeOptions,
  linearize,
  makeTestPdfFile,
  type TestPdfFileForm,
  type TestPdfFileOptions,
  writeLargeTestPdf,
  writeTestPdf,
} from './pdf-files.js';
export {
  type Outage,
  type PkiServer,
  type PkiServerOptions,
  type PkiService,
  servePki,
  startTestPki,
} from './server.js';
export {
  createSoftHsmToken,
  SOFTHSM_LIBRARY,
  type SoftHsmKey,
  type SoftHsmToken,
  softHsmAvailable,
} from './softhsm.js';
