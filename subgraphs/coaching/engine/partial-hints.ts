/**
 * Streams the `text` of each hint out of the `emit_hints` tool input while its JSON arrives in
 * `input_json_delta` chunks. A small incremental JSON scanner (no re-parsing of the growing buffer): it tracks
 * the container path, and when it is inside `hints[i].text` it hands the decoded characters out as they come
 * (escapes, including \uXXXX and surrogate pairs split across chunks, are decoded). Anything unexpected just
 * produces no deltas — the complete input is parsed and validated separately at the end. When a hint's
 * object closes, `onHintEnd` gets its raw JSON so the provider can complete that hint before the rest streams.
 */
export interface PartialHintsListener {
  /** `hints[index]` began (its `{` arrived). */
  onHint(index: number): void;
  /** More characters of `hints[index].text`. */
  onText(index: number, text: string): void;
  /** `hints[index]` closed (its `}` arrived); `json` is the object's raw text. */
  onHintEnd?(index: number, json: string): void;
}

type Frame = { kind: 'object'; key: string | null; expectKey: boolean } | { kind: 'array'; index: number };

type StringRole = 'key' | 'text' | 'other';

export class PartialHintsScanner {
  private readonly stack: Frame[] = [];
  private inString = false;
  private role: StringRole = 'other';
  private buffer = '';
  private escape: 'none' | 'backslash' | 'unicode' = 'none';
  private unicodeDigits = '';
  private highSurrogate: number | null = null;
  private textIndex = -1;
  /** Raw text of the hint object being read (from its `{`), kept only when `onHintEnd` is set. */
  private hintJson: string | null = null;
  private hintJsonIndex = -1;

  constructor(private readonly listener: PartialHintsListener) {}

  push(chunk: string): void {
    let out = '';
    const flush = (): void => {
      if (out && this.textIndex >= 0) this.listener.onText(this.textIndex, out);
      out = '';
    };
    for (const ch of chunk) {
      if (this.hintJson !== null) this.hintJson += ch;
      if (this.inString) {
        const decoded = this.stringChar(ch);
        if (decoded === null) {
          // the string closed
          if (this.role === 'text') flush();
          this.endString();
        } else if (this.role === 'text') {
          out += decoded;
        } else if (this.role === 'key') {
          this.buffer += decoded;
        }
        continue;
      }
      this.structural(ch);
    }
    flush();
  }

  /** Returns the decoded text for `ch` ('' while an escape is incomplete), or null when the string ends. */
  private stringChar(ch: string): string | null {
    if (this.escape === 'backslash') {
      this.escape = 'none';
      if (ch === 'u') {
        this.escape = 'unicode';
        this.unicodeDigits = '';
        return '';
      }
      return this.withSurrogate(ESCAPES[ch] ?? ch);
    }
    if (this.escape === 'unicode') {
      this.unicodeDigits += ch;
      if (this.unicodeDigits.length < 4) return '';
      this.escape = 'none';
      const code = Number.parseInt(this.unicodeDigits, 16);
      if (Number.isNaN(code)) return '';
      if (code >= 0xd800 && code <= 0xdbff) {
        this.highSurrogate = code;
        return '';
      }
      return this.withSurrogate(String.fromCharCode(code), code);
    }
    if (ch === '\\') {
      this.escape = 'backslash';
      return '';
    }
    if (ch === '"') return null;
    return this.withSurrogate(ch);
  }

  /** Joins a pending high surrogate with the low one that follows (a lone one is dropped). */
  private withSurrogate(text: string, code?: number): string {
    const high = this.highSurrogate;
    this.highSurrogate = null;
    if (high !== null && code !== undefined && code >= 0xdc00 && code <= 0xdfff) {
      return String.fromCharCode(high, code);
    }
    return text;
  }

  private structural(ch: string): void {
    const top = this.stack.at(-1);
    switch (ch) {
      case '{':
        if (this.isHintsArray(this.stack.length - 1) && top?.kind === 'array') {
          this.listener.onHint(top.index);
          if (this.listener.onHintEnd) {
            this.hintJson = '{';
            this.hintJsonIndex = top.index;
          }
        }
        this.stack.push({ kind: 'object', key: null, expectKey: true });
        return;
      case '[':
        this.stack.push({ kind: 'array', index: 0 });
        return;
      case '}':
      case ']':
        this.stack.pop();
        if (ch === '}' && this.hintJson !== null && this.isHintsArray(this.stack.length - 1)) {
          const json = this.hintJson;
          this.hintJson = null;
          this.listener.onHintEnd?.(this.hintJsonIndex, json);
        }
        return;
      case ':':
        if (top?.kind === 'object') top.expectKey = false;
        return;
      case ',':
        if (top?.kind === 'object') {
          top.expectKey = true;
          top.key = null;
        } else if (top?.kind === 'array') {
          top.index += 1;
        }
        return;
      case '"':
        this.inString = true;
        this.buffer = '';
        this.escape = 'none';
        this.highSurrogate = null;
        if (top?.kind === 'object' && top.expectKey) {
          this.role = 'key';
        } else if (this.isHintText()) {
          this.role = 'text';
          const hints = this.stack[1];
          this.textIndex = hints?.kind === 'array' ? hints.index : -1;
        } else {
          this.role = 'other';
        }
        return;
      default:
      // whitespace, numbers, true/false/null: nothing to track
    }
  }

  private endString(): void {
    this.inString = false;
    const top = this.stack.at(-1);
    if (this.role === 'key' && top?.kind === 'object') top.key = this.buffer;
    if (this.role === 'text') this.textIndex = -1;
    this.buffer = '';
    this.role = 'other';
  }

  /** Whether stack[depth] is the root's `hints` array. */
  private isHintsArray(depth: number): boolean {
    const root = this.stack[0];
    const frame = this.stack[depth];
    return depth === 1 && root?.kind === 'object' && root.key === 'hints' && frame?.kind === 'array';
  }

  /** Whether the next string is the value of `hints[i].text`. */
  private isHintText(): boolean {
    const top = this.stack.at(-1);
    return this.stack.length === 3 && this.isHintsArray(1) && top?.kind === 'object' && top.key === 'text';
  }
}

const ESCAPES: Record<string, string> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};
