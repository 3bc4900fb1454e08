/**
 * Hands a file to the browser's downloads under `fileName`, the way a link with `download`
 * does (a fetch with a bearer token cannot be a plain link). The object URL is let go once
 * the browser has had time to start reading it.
 */
export function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
