import { type Asn1, Asn1Error, describe } from '../asn1/index.js';
import { readElement } from '../asn1/reader.js';

/** The one element inside an [n] EXPLICIT wrapper; anything beside it is a misread. */
export function explicitInner(tagged: Asn1, what: string): Asn1 {
  if (!tagged.constructed) throw new Asn1Error(`${what}: ${describe(tagged)} is not EXPLICIT`, tagged.start);
  const inner = readElement(tagged.source, tagged.contentStart, tagged.contentEnd);
  if (inner.end !== tagged.contentEnd) throw new Asn1Error(`${what}: more than one element`, inner.end);
  return inner;
}
