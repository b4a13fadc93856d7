// A signer made in the browser, for the <sign-pdf> tests and stories: testkit's browser-safe PKI
// generates the keys with WebCrypto (an EC root, a personal RSA-2048 signer) and core's
// WebCryptoSigner holds the private key as non-extractable CryptoKeys. Throwaway: never for real use.
import { type Signer, WebCryptoSigner } from '@kyso/core';
import { createTestPki, oneSignerSpec } from '@kyso/testkit';

const SPEC = oneSignerSpec({
  root: { C: 'VN', O: 'Ban Cơ yếu Chính phủ', CN: 'RootCA thử nghiệm trong trình duyệt' },
  signer: {
    C: 'VN',
    ST: 'Thử Nghiệm',
    O: 'Ủy ban nhân dân tỉnh Thử Nghiệm',
    OU: 'Phòng Tổng hợp',
    title: 'Chuyên viên',
    CN: 'Trần Thị Thu Hà',
    UID: 'CCCD:034190000099',
  },
});

export interface BrowserSigner {
  signer: WebCryptoSigner;
  /** The root to trust when verifying what it signed. */
  rootPem: string;
  commonName: string;
}

let made: Promise<BrowserSigner> | undefined;

/** The signer (made once per page: key generation is the slow part). */
export function browserSigner(): Promise<BrowserSigner> {
  made ??= (async () => {
    const pki = await createTestPki({ spec: SPEC });
    const who = pki.get('signer');
    const signer = await WebCryptoSigner.fromPkcs8(who.pkcs8, who.chain);
    return { signer, rootPem: pki.get('root').certificatePem, commonName: who.commonName };
  })();
  return made;
}

/** A Signer that delegates to `inner` but runs `before` first at each signature (to fail, wait or ask). */
export function signerWith(inner: Signer, before: () => Promise<void>): Signer {
  return {
    certificates: (options) => inner.certificates(options),
    algorithms: (options) => inner.algorithms(options),
    sign: async (request, options) => {
      await before();
      return inner.sign(request, options);
    },
  };
}
