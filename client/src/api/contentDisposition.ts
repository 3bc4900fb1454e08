/**
 * The file name a `Content-Disposition` header gives (`attachment; filename="x.xlsx"`, or the
 * RFC 6266 `filename*=UTF-8''…` form, which wins when both are there), reduced to a bare name:
 * no folders, nothing a file system refuses. `null` when the header names no file.
 */
export function fileNameFromDisposition(header: string | null): string | null {
  if (!header) return null;
  const extended = /filename\*\s*=\s*([\w-]+)'[^']*'([^;]+)/i.exec(header);
  let name: string | null = null;
  if (extended?.[2]) {
    try {
      name = decodeURIComponent(extended[2].trim().replace(/^"|"$/g, ''));
    } catch {
      name = null;
    }
  }
  if (name === null) {
    const plain = /filename\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;]+))/i.exec(header);
    name = plain?.[1]?.replace(/\\(.)/g, '$1') ?? plain?.[2]?.trim() ?? null;
  }
  if (name === null) return null;
  // Only the last path segment, and none of the characters Windows refuses in a name.
  const last = name.split(/[/\\]/).pop() ?? '';
  const bare = [...last]
    .map((c) => (c < ' ' || '<>:"|?*'.includes(c) ? '_' : c))
    .join('')
    .trim();
  return bare === '' || bare === '.' || bare === '..' ? null : bare;
}
