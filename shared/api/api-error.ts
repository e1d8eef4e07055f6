export type FolioErrorCode =
  | 'NOT_FOUND'
  | 'INVALID_ARGUMENT'
  | 'LOCKED'
  | 'IO'
  | 'PARSE'
  | 'CONFLICT'
  | 'UNSUPPORTED'
  | 'FORBIDDEN'
  | 'INTERNAL';

/** How an error crosses the bridge. */
export interface WireError {
  code: FolioErrorCode;
  message: string;
  details?: Record<string, string | number | boolean | null>;
}

export class FolioError extends Error {
  readonly code: FolioErrorCode;
  readonly details: Record<string, string | number | boolean | null> | undefined;

  constructor(code: FolioErrorCode, message: string, details?: Record<string, string | number | boolean | null>) {
    super(message);
    this.name = 'FolioError';
    this.code = code;
    this.details = details;
  }
}

export function toWireError(error: unknown): WireError {
  if (error instanceof FolioError) {
    return error.details ? { code: error.code, message: error.message, details: error.details } : { code: error.code, message: error.message };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'INTERNAL', message };
}

export function fromWireError(wire: WireError): FolioError {
  return new FolioError(wire.code, wire.message, wire.details);
}

/** The envelope every call returns across IPC and HTTP. */
export type ApiResult = { ok: true; value: unknown } | { ok: false; error: WireError };
