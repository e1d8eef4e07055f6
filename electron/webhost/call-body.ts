import { MAX_PDF_BYTES } from '../../shared/api/attachments-types.ts';
import type { CallRequestBody } from '../../shared/api/web-protocol.ts';
import { HttpRefusal } from '../services/loopback-http/request-body.ts';

/** The largest call is a PDF import: the biggest PDF Folio stores, as base64, plus room for the JSON around it. */
export const MAX_CALL_BODY_BYTES = Math.ceil(MAX_PDF_BYTES / 3) * 4 + 1024 * 1024;

function shapeOf(value: unknown): string {
  if (value === undefined) return 'it is missing';
  if (value === null) return 'it is null';
  if (Array.isArray(value)) return 'it is an array';
  return `it is ${typeof value === 'object' ? 'an object' : `a ${typeof value}`}`;
}

/** Parses `{ method, args }`; every other shape is refused with 400 and a sentence naming what is wrong. */
export function parseCallBody(bytes: Buffer): CallRequestBody {
  let body: unknown;
  try {
    body = JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    throw new HttpRefusal(400, `The request body is not JSON: ${(error as Error).message}`);
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new HttpRefusal(400, `The request body must be a JSON object { method, args } (${shapeOf(body)})`);
  }
  const { method, args } = body as Record<string, unknown>;
  if (typeof method !== 'string') throw new HttpRefusal(400, `"method" must be a string naming an API method (${shapeOf(method)})`);
  if (!Array.isArray(args)) throw new HttpRefusal(400, `"args" must be an array of arguments (${shapeOf(args)})`);
  return { method, args };
}
