import type { IncomingMessage } from 'node:http';

/** A request refused with an HTTP status and a sentence saying why. */
export class HttpRefusal extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.name = 'HttpRefusal';
    this.status = status;
  }
}

const mb = (bytes: number) => `${Math.ceil(bytes / 1024 / 1024)} MB`;

/**
 * Reads a request body of at most `maxBytes`. A declared Content-Length over the limit is refused before a
 * byte is read; a chunked body is read only up to the limit, then reading stops (the request is paused; the
 * caller answers 413 and closes the connection). A declared length is read into one buffer of that size.
 */
export function readBodyWithin(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const header = req.headers['content-length'];
  const declared = header === undefined ? null : Number(header);
  if (declared !== null && !(Number.isSafeInteger(declared) && declared >= 0)) {
    return Promise.reject(new HttpRefusal(400, `Bad Content-Length: ${header}`));
  }
  if (declared !== null && declared > maxBytes) {
    return Promise.reject(new HttpRefusal(413, `The request body is ${mb(declared)}; the limit is ${mb(maxBytes)}`));
  }
  return new Promise<Buffer>((resolve, reject) => {
    const whole = declared === null ? null : Buffer.allocUnsafe(declared);
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = (error: Error) => {
      req.off('data', onData);
      req.pause();
      reject(error);
    };
    const onData = (chunk: Buffer) => {
      const limit = whole ? whole.length : maxBytes;
      if (size + chunk.length > limit) return stop(new HttpRefusal(413, `The request body is larger than the limit of ${mb(maxBytes)}`));
      if (whole) chunk.copy(whole, size);
      else chunks.push(chunk);
      size += chunk.length;
    };
    req.on('data', onData);
    req.once('end', () => resolve(whole ? whole.subarray(0, size) : Buffer.concat(chunks, size)));
    req.once('error', (error) => stop(error));
    req.once('close', () => {
      if (!req.complete) stop(new HttpRefusal(400, 'The request was cut off before its end'));
    });
  });
}
