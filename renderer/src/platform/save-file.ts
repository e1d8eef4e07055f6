/**
 * Saves bytes the API answered as base64 (`annotations.exportPdf`) as a download: the browser asks where (web host),
 * and Electron's default download handling shows its save dialog. The same code serves both hosts.
 */
export function downloadBase64File(fileName: string, dataBase64: string, type = 'application/pdf'): void {
  const binary = atob(dataBase64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  downloadBlob(fileName, new Blob([bytes], { type }));
}

/** Hands a blob to the browser as a download named `fileName`. */
export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
