/**
 * A request body's `content-encoding`, honoured: gzip, deflate and br are decoded (at most `maxBytes` once
 * decoded, like an unencoded body — a small compressed body must not expand past the limit); identity is
 * nothing to do. A body that is not what its header says answers 400 (BAD_REQUEST, reason
 * CONTENT_ENCODING_INVALID), an encoding the gateway does not know 415 (reason CONTENT_ENCODING_UNSUPPORTED).
 * Before, the header was ignored: a plain body labelled gzip was answered 200 as if unlabelled, and a really
 * gzipped one 400 "POST body sent invalid JSON" quoting its binary start.
 */
import { promisify } from 'node:util';
import zlib from 'node:zlib';

type Decoder = (body: Buffer, opts: { maxOutputLength: number }) => Promise<Buffer>;

const DECODERS: Record<string, Decoder> = {
  gzip: promisify(zlib.gunzip),
  'x-gzip': promisify(zlib.gunzip),
  deflate: promisify(zlib.inflate),
  br: promisify(zlib.brotliDecompress),
};

export type DecodedBody =
  | { ok: true; body: Buffer }
  | {
      ok: false;
      status: 400 | 413 | 415;
      code: string;
      message: string;
      extensions: Record<string, unknown>;
    };

/** The codings of a `content-encoding` header in the order they were applied (identity left out). */
function codings(header: string | undefined): string[] {
  return (header ?? '')
    .split(',')
    .map((c) => c.trim().toLowerCase())
    .filter((c) => c !== '' && c !== 'identity');
}

/** `body` decoded as its `content-encoding` header says (last applied, first undone). */
export async function decodeBody(
  body: Buffer,
  header: string | undefined,
  maxBytes: number,
): Promise<DecodedBody> {
  const applied = codings(header);
  const unknown = applied.find((c) => !DECODERS[c]);
  if (unknown !== undefined)
    return {
      ok: false,
      status: 415,
      code: 'BAD_REQUEST',
      message: `content-encoding ${unknown} is not supported (use gzip, deflate, br or none)`,
      extensions: { reason: 'CONTENT_ENCODING_UNSUPPORTED', encoding: unknown },
    };
  let decoded = body;
  for (const coding of applied.reverse()) {
    try {
      decoded = await DECODERS[coding]!(decoded, { maxOutputLength: maxBytes });
    } catch (err) {
      if ((err as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE')
        return {
          ok: false,
          status: 413,
          code: 'PAYLOAD_TOO_LARGE',
          message: `request body exceeds ${maxBytes} bytes once decoded`,
          extensions: { max: maxBytes },
        };
      return {
        ok: false,
        status: 400,
        code: 'BAD_REQUEST',
        message: `the request body is not valid ${coding} data, as its content-encoding says`,
        extensions: { reason: 'CONTENT_ENCODING_INVALID', encoding: coding },
      };
    }
  }
  return { ok: true, body: decoded };
}
