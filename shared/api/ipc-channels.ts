/** The two IPC channels: every API method travels over CALL with its name from API_METHOD_NAMES. */
export const IPC_CALL_CHANNEL = 'folio:call';
export const IPC_EVENT_CHANNEL = 'folio:event';
