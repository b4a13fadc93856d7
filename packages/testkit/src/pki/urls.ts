/** The addresses testkit's servers answer on, relative to one base URL. */
export interface PkiUrls {
  base: string;
  tsa: string;
  ocsp(caId: string): string;
  crl(caId: string): string;
  caIssuers(caId: string): string;
}

export function pkiUrls(baseUrl: string): PkiUrls {
  const base = baseUrl.replace(/\/+$/, '');
  return {
    base,
    tsa: `${base}/tsa`,
    ocsp: (caId) => `${base}/ocsp/${encodeURIComponent(caId)}`,
    crl: (caId) => `${base}/crl/${encodeURIComponent(caId)}.crl`,
    caIssuers: (caId) => `${base}/ca/${encodeURIComponent(caId)}.cer`,
  };
}
