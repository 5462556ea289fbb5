// Feed cursors (CONTRACT §1: opaque, from the previous page's next link), signed so
// that a request with a cursor this service did not hand out is refused before any
// read: a flood of made-up cursors cannot turn into a flood of Queries and renders.
//
// A cursor is a MAC of 12 bytes (16 base64url characters) over the filters of the
// view and the sort key of the last posting of the previous page, then that sort key
// (base64url). The filters are bound in: a cursor of one view does not page another.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { isPostingSort } from '../store/table.js';

const MAC_BYTES = 12;
const MAC_CHARS = 16;

/** A key for signing cursors: the configured secret, else one for this process only
 *  (next links then last as long as the process, which is enough locally). */
export function cursorKey(configured: string | undefined): Buffer {
  return configured ? Buffer.from(configured, 'utf8') : randomBytes(32);
}

function mac(key: Buffer, filters: string, sortKey: string): Buffer {
  return createHmac('sha256', key)
    .update(`cursor\n${filters}\n${sortKey}`)
    .digest()
    .subarray(0, MAC_BYTES);
}

export function signCursor(key: Buffer, filters: string, sortKey: string): string {
  return (
    mac(key, filters, sortKey).toString('base64url') +
    Buffer.from(sortKey, 'utf8').toString('base64url')
  );
}

/** The sort key a cursor stands for, or null when this service did not sign it for
 *  these filters. */
export function openCursor(key: Buffer, filters: string, cursor: string): string | null {
  if (cursor.length <= MAC_CHARS) return null;
  const given = Buffer.from(cursor.slice(0, MAC_CHARS), 'base64url');
  const encoded = cursor.slice(MAC_CHARS);
  const sortKey = Buffer.from(encoded, 'base64url').toString('utf8');
  // one encoding per sort key: no second spelling of the same cursor
  if (!isPostingSort(sortKey) || Buffer.from(sortKey, 'utf8').toString('base64url') !== encoded)
    return null;
  if (given.byteLength !== MAC_BYTES) return null;
  return timingSafeEqual(given, mac(key, filters, sortKey)) ? sortKey : null;
}
