import { type Language, escapeHtml } from './html';

/** A line of an email, escaped for its HTML part, with each web address made a link. */
export const linkify = (line: string): string =>
  escapeHtml(line).replace(/https?:\/\/[^\s<]+/g, (url) => `<a href="${url}">${url}</a>`);

/** An email's HTML part: its body, then a smaller closing paragraph (why it came; how to stop it). Both are markup. */
export const emailDocument = (lang: Language, subject: string, body: string, closing: string): string =>
  `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="font-family:Arial,sans-serif;line-height:1.5;color:#1a1a1a;max-width:40rem">
${body}
<hr><p style="font-size:.9rem">${closing}</p></body></html>`;
