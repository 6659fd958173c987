// A small streaming XML tokenizer for the SpreadsheetML parts we read (workbook, relationships,
// shared strings, worksheets): it is fed decoded chunks and calls back per tag and text, so a sheet
// is read row by row while it inflates and a limit can stop it without the rest ever being produced.
import { overLimit, type UploadLimits } from './limits';

export type XmlHandlers = {
  open(name: string, attrs: string, selfClosing: boolean): void;
  close(name: string): void;
  text(raw: string): void;
};

/** The local name of a tag (`x:row` → `row`). */
function localName(qualified: string): string {
  const colon = qualified.indexOf(':');
  return colon < 0 ? qualified : qualified.slice(colon + 1);
}

export class XmlStream {
  private buf = '';
  private readonly decoder = new TextDecoder('utf-8');
  // A text or tag longer than this without the next `<` or `>` is refused instead of buffered.
  private readonly maxPending: number;

  constructor(
    private readonly handlers: XmlHandlers,
    private readonly part: string,
    limits: UploadLimits,
  ) {
    this.maxPending = limits.maxStringLength * 4 + 64 * 1024;
  }

  push(chunk: Uint8Array): void {
    this.buf += this.decoder.decode(chunk, { stream: true });
    this.drain();
  }

  end(): void {
    this.buf += this.decoder.decode();
    this.drain();
  }

  private drain(): void {
    const s = this.buf;
    const h = this.handlers;
    let i = 0;
    for (;;) {
      const lt = s.indexOf('<', i);
      if (lt < 0) break;
      if (lt > i) h.text(s.slice(i, lt));
      i = lt;
      if (s.startsWith('<!--', lt)) {
        const e = s.indexOf('-->', lt + 4);
        if (e < 0) break;
        i = e + 3;
        continue;
      }
      if (s.startsWith('<![CDATA[', lt)) {
        const e = s.indexOf(']]>', lt + 9);
        if (e < 0) break;
        h.text(escapeText(s.slice(lt + 9, e)));
        i = e + 3;
        continue;
      }
      const gt = s.indexOf('>', lt);
      if (gt < 0) break;
      i = gt + 1;
      const first = s.charCodeAt(lt + 1);
      if (first === 63 /* ? */ || first === 33 /* ! */) continue;
      if (first === 47 /* / */) {
        h.close(localName(s.slice(lt + 2, gt).trim()));
        continue;
      }
      const selfClosing = s.charCodeAt(gt - 1) === 47;
      const body = s.slice(lt + 1, selfClosing ? gt - 1 : gt);
      const space = body.search(/\s/);
      const name = localName(space < 0 ? body : body.slice(0, space));
      h.open(name, space < 0 ? '' : body.slice(space), selfClosing);
      if (selfClosing) h.close(name);
    }
    this.buf = i === 0 ? s : s.slice(i);
    if (this.buf.length > this.maxPending)
      throw overLimit('maxStringLength', this.buf.length, this.maxPending, this.part);
  }
}

/** The value of one attribute in a tag's attribute text (prefixes count: `r:id`). */
export function attr(attrs: string, name: string): string | undefined {
  if (attrs === '') return undefined;
  const re = new RegExp(`(?:^|\\s)${name.replace(/[.:]/g, '\\$&')}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`);
  const m = re.exec(attrs);
  if (!m) return undefined;
  return decodeXml(m[1] ?? m[2] ?? '');
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Text with XML entities and character references resolved. */
export function decodeXml(raw: string): string {
  if (!raw.includes('&')) return raw;
  return raw.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[ref] ?? whole;
  });
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
}

/** SpreadsheetML's own escape of characters XML cannot hold: `_x000D_` is a carriage return. */
export function decodeOoxmlEscapes(text: string): string {
  if (!text.includes('_x')) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
