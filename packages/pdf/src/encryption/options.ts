/** The holder of a public-key encrypted PDF (§7.6.5): one of the recipients its /Recipients name. */
export interface PdfRecipient {
  /** The recipient's certificate, DER. */
  certificate: Uint8Array;
  /** Its RSA private key, PKCS#8 PrivateKeyInfo DER (e.g. from readPkcs12 or a decrypted PEM). */
  privateKeyPkcs8: Uint8Array;
}

/** How to open an encrypted PDF. Without either, the empty user password is tried. */
export interface DecryptionOptions {
  /** The user or the owner password. */
  password?: string;
  /** For public-key encryption. */
  recipient?: PdfRecipient;
}
