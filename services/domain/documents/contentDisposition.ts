/**
 * The `Content-Disposition` header for a file whose name someone typed (an applicant's evidence,
 * a cohort file): the name is theirs, so it must not be able to end the header, add another, or
 * break out of the quotes. Two forms, as RFC 6266 recommends: `filename="…"` with only safe
 * ASCII (everything else becomes `_`) for old clients, and `filename*=UTF-8''…` percent-encoded
 * (RFC 8187) so modern browsers save it under the name the applicant gave.
 */
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function contentDisposition(disposition: 'inline' | 'attachment', fileName: string): string {
  // Lone surrogates cannot be percent-encoded; control characters and path separators never belong in a saved name.
  const name = fileName.slice(0, 200).replace(loneSurrogate, '\uFFFD').trim().replace(/[/\\]/g, '_').replace(/\p{Cc}/gu, '_') || 'file';
  const ascii = name.replace(/[^A-Za-z0-9 ._()[\]-]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
