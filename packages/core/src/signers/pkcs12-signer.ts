import { type Pkcs12Options, readPkcs12 } from '../pkcs12/pfx.js';
import type { Signer, SignOptions, SignRequest } from './signer.js';
import { WebCryptoSigner } from './webcrypto-signer.js';

/**
 * A Signer from a PKCS#12 (.p12, .pfx) file: RSA or EC (P-256, P-384, P-521) keys, signing with
 * WebCrypto, so requests must carry their data (see WebCryptoSigner). Files from OpenSSL 3, from its
 * `-legacy` mode and from Windows open alike.
 */
export class Pkcs12Signer implements Signer {
  readonly #inner: WebCryptoSigner;
  /** The label the file gives the key, if any. */
  readonly friendlyName: string | undefined;

  private constructor(inner: WebCryptoSigner, friendlyName: string | undefined) {
    this.#inner = inner;
    this.friendlyName = friendlyName;
  }

  /**
   * Opens a PKCS#12 file. BAD_PASSWORD for a wrong password, NO_PRIVATE_KEY for a file without a
   * key, UNSUPPORTED_ALGORITHM for keys or ciphers kyso cannot use, INVALID_INPUT for anything else
   * that is not a usable PKCS#12 file.
   */
  static async open(
    bytes: Uint8Array,
    password: string,
    options: Pkcs12Options & {
      /** Only the key's preferred scheme and hash (one key import, not six): for a single use. */
      preferredOnly?: boolean;
    } = {},
  ): Promise<Pkcs12Signer> {
    const contents = await readPkcs12(bytes, password, options);
    const inner = await WebCryptoSigner.fromPkcs8(contents.privateKeyPkcs8, contents.chain, {
      ...(options.crypto ? { crypto: options.crypto } : {}),
      ...(options.preferredOnly ? { preferredOnly: true } : {}),
    });
    contents.privateKeyPkcs8.fill(0);
    return new Pkcs12Signer(inner, contents.friendlyName);
  }

  certificates(options?: SignOptions): Promise<Uint8Array[]> {
    return this.#inner.certificates(options);
  }

  algorithms(options?: SignOptions): ReturnType<Signer['algorithms']> {
    return this.#inner.algorithms(options);
  }

  sign(request: SignRequest, options?: SignOptions): Promise<Uint8Array> {
    return this.#inner.sign(request, options);
  }

  signMany(requests: SignRequest[], options?: SignOptions): Promise<Uint8Array[]> {
    return this.#inner.signMany(requests, options);
  }
}
