/** A syntax problem at a file offset (internal; the document layer reports PDF_STRUCTURE). */
export class PdfSyntaxError extends Error {
  override readonly name = 'PdfSyntaxError';
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(`${message} at byte ${offset}`);
  }
}

/** The window of bytes ended before the object did: read more and try again. */
export class NeedMoreData extends Error {
  override readonly name = 'NeedMoreData';
}
