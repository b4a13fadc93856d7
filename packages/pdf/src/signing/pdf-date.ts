/** A PDF date string (§7.9.4) in UTC: D:YYYYMMDDHHmmSSZ. */
export function pdfDate(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `D:${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}Z`;
}

/** Reads a PDF date (D:YYYYMMDDHHmmSSOHH'mm'), lenient about the parts that are often missing. */
export function parsePdfDate(text: string): Date | undefined {
  const m = /^(?:D:)?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?\s*(Z|[+-]\d{2}'?\d{0,2}'?)?/.exec(
    text.trim(),
  );
  if (!m) return undefined;
  const n = (s: string | undefined, d: number) => (s ? Number(s) : d);
  let t = Date.UTC(n(m[1], 0), n(m[2], 1) - 1, n(m[3], 1), n(m[4], 0), n(m[5], 0), n(m[6], 0));
  const zone = m[7];
  if (zone && zone !== 'Z') {
    const z = /([+-])(\d{2})'?(\d{0,2})/.exec(zone)!;
    t -= (z[1] === '-' ? -1 : 1) * (Number(z[2]) * 60 + Number(z[3] || 0)) * 60_000;
  }
  return Number.isNaN(t) ? undefined : new Date(t);
}
