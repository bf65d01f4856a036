/**
 * One pasted line without the decoration that a chat, a ticket or a Markdown page adds around
 * Event Viewer text: quote markers (`> `), list bullets, bold/italic stars, backslash escapes
 * (`\<Timestamp>`), non-breaking spaces, trailing spaces. Code fences are reported, not kept.
 */
export interface PastedLine {
  /** The line's text without decoration, trimmed at the end (leading spaces dropped too). */
  text: string;
  /** The line was inside a Markdown quote (`> `): a record that starts quoted ends where the quote does. */
  quoted: boolean;
  /** A Markdown code fence (```` ``` ````, `~~~`): it ends the record before it. */
  fence: boolean;
  /** The line started with a blank (after any quote marker): a Format-List continuation line. */
  indented: boolean;
}

const NBSP = /\u00a0/g;
const FENCE = /^\s*(?:```|~~~)/;
const QUOTE = /^\s*>\s?/;
const BULLET = /^[-*+]\s+(?=\S)/;
const MARKDOWN_ESCAPE = /\\([<>_*[\]#`\\|])/g;

export function cleanLine(raw: string): PastedLine {
  let text = raw.replace(NBSP, ' ');
  if (FENCE.test(text)) return { text: '', quoted: false, fence: true, indented: false };
  let quoted = false;
  for (let m = QUOTE.exec(text); m !== null; m = QUOTE.exec(text)) {
    quoted = true;
    text = text.slice(m[0].length);
  }
  const indented = /^\s/.test(text);
  text = text.trim();
  // A bullet only when a word follows: `-895418359` and `--` are content.
  text = text.replace(BULLET, '');
  text = text.replace(/\*\*([^*\s][^*]*?)\*\*/g, '$1'); // bold; `Miami.****` is a redaction
  // Italic opened on one line and closed on another (`*Error: 0x…` … `…8C8E*`): a lone star at
  // either end is decoration. Balanced stars (`*<Timestamp>*`) mark a placeholder; `/*` is content.
  if (((text.match(/\*/g) ?? []).length) % 2 === 1) {
    if (/^\*[^\s*]/.test(text)) text = text.slice(1);
    else if (/[\w.)>]\*$/.test(text)) text = text.slice(0, -1);
  }
  text = text.replace(MARKDOWN_ESCAPE, '$1');
  return { text: text.trimEnd(), quoted, fence: false, indented };
}

/** `*<Timestamp>*`, `[Date]`, `<User SID>`, `Miami.****`: a value someone hid, not a value. */
export function isPlaceholder(value: string): boolean {
  const v = value.trim();
  if (v === '' || /\*{3,}/.test(v) || /^\*[^*]+\*$/.test(v)) return true; // `***`, or a Markdown *Placeholder*
  return /^<[^<>]*>$/.test(v) || /^\[[^[\]]*\]$/.test(v) || /^[-x]+$/i.test(v);
}

/** A header value; null when it is empty or a placeholder. */
export function headerValue(value: string | undefined): string | null {
  if (value === undefined) return null;
  const v = value.trim();
  return isPlaceholder(v) ? null : v;
}
