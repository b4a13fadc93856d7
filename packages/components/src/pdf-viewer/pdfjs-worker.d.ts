// pdfjs-dist ships no declarations for its worker module; importing it for the main-thread fallback
// only needs it to load (it registers itself as globalThis.pdfjsWorker).
declare module 'pdfjs-dist/build/pdf.worker.min.mjs' {
  export const WorkerMessageHandler: unknown;
}
