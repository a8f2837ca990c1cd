/** Control characters other than tab and newline never belong in citizen or official text. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/**
 * Text as stored: lone surrogates replaced (DynamoDB stores only valid UTF-8), Unicode NFC, no control
 * characters, trimmed; kept as text, never interpreted as markup. No dependencies: the browser form uses it too.
 */
export const normaliseText = (value: string): string =>
  // toWellFormed is missing in browsers older than 2023; the server always has it.
  (typeof value.toWellFormed === 'function' ? value.toWellFormed() : value)
    .normalize('NFC')
    .replace(CONTROL, '')
    .trim();
