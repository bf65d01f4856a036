/**
 * Bytes → text for event XML, chunk by chunk. The encoding is decided once, from the first bytes:
 * Windows PowerShell 5.1 redirection writes UTF-16LE with a BOM, copies may have lost the BOM
 * (then `<` is followed by a NUL), wevtutil, Event Viewer and PowerShell 7 write UTF-8. A streaming
 * decoder carries a character split across chunks; the BOM is dropped. Node's StringDecoder is
 * used for UTF-8 and UTF-16LE (twice as fast as TextDecoder on large logs), TextDecoder for UTF-16BE.
 */
import { StringDecoder } from 'node:string_decoder';

export type EventEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

/** How many bytes the sniffing waits for before deciding. */
const SNIFF_BYTES = 4;

export function sniffEncoding(bytes: Uint8Array): EventEncoding {
  const [b0, b1, b2] = bytes;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return 'utf-8';
  if (b0 === 0xff && b1 === 0xfe) return 'utf-16le';
  if (b0 === 0xfe && b1 === 0xff) return 'utf-16be';
  if (b0 !== undefined && b0 !== 0 && b1 === 0) return 'utf-16le';
  if (b0 === 0 && b1 !== undefined && b1 !== 0) return 'utf-16be';
  return 'utf-8';
}

interface ChunkDecoder {
  write(chunk: Uint8Array): string;
  end(): string;
}

function chunkDecoder(encoding: EventEncoding): ChunkDecoder {
  if (encoding === 'utf-16be') {
    const decoder = new TextDecoder('utf-16be');
    return { write: (chunk) => decoder.decode(chunk, { stream: true }), end: () => decoder.decode() };
  }
  const decoder = new StringDecoder(encoding === 'utf-8' ? 'utf8' : 'utf16le');
  return { write: (chunk) => decoder.write(chunk), end: () => decoder.end() };
}

export class StreamDecoder {
  private decoder: ChunkDecoder | null = null;
  private first = true;
  private head: Uint8Array = new Uint8Array(0);
  encoding: EventEncoding | null = null;

  /** The text of this chunk (possibly empty while the first bytes are still being sniffed). */
  push(chunk: Uint8Array): string {
    if (this.decoder) return this.dropBom(this.decoder.write(chunk));
    const joined = new Uint8Array(this.head.length + chunk.length);
    joined.set(this.head);
    joined.set(chunk, this.head.length);
    if (joined.length < SNIFF_BYTES) {
      this.head = joined;
      return '';
    }
    this.head = new Uint8Array(0);
    return this.dropBom(this.start(joined).write(joined));
  }

  /** The rest: bytes held for sniffing, an incomplete character (as U+FFFD). */
  end(): string {
    if (this.decoder) return this.dropBom(this.decoder.end());
    const head = this.head;
    this.head = new Uint8Array(0);
    if (head.length === 0) return '';
    const decoder = this.start(head);
    return this.dropBom(decoder.write(head) + decoder.end());
  }

  private start(first: Uint8Array): ChunkDecoder {
    this.encoding = sniffEncoding(first);
    this.decoder = chunkDecoder(this.encoding);
    return this.decoder;
  }

  /** The BOM (U+FEFF) at the very start of the text is not content. */
  private dropBom(text: string): string {
    if (!this.first || text.length === 0) return text;
    this.first = false;
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  }
}
