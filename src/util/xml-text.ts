/** XML's five entities and its character references; anything else is left as written. */
const REFERENCE = /&(lt|gt|amp|quot|apos|#[0-9]{1,7}|#x[0-9a-fA-F]{1,6});/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** The text with its references decoded (a reference to a character XML forbids stays as written). */
export function decodeXmlReferences(text: string): string {
  return text.replace(REFERENCE, decodeReference);
}

function decodeReference(whole: string, body: string): string {
  const named = NAMED[body];
  if (named !== undefined) return named;
  const code = body.charCodeAt(1) === 120 /* x */ ? Number.parseInt(body.slice(2), 16) : Number.parseInt(body.slice(1), 10);
  return validCodePoint(code) ? String.fromCodePoint(code) : whole;
}

/** A character XML 1.0 allows. */
export function validCodePoint(code: number): boolean {
  return code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
}
