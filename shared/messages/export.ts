/**
 * The export of every response (the archive's copy): what the JSON file says of itself, and the CSV's column names.
 * The CSV is for Swedish spreadsheets and the case file, so it is in Swedish only, as the results CSV is.
 */
export const exportNote = {
  sv:
    'Alla svar i dialogen, anonyma: inga id:n, inga kontaktuppgifter och bara datum (inte tid) för när svaret kom in. ' +
    'Ordningen säger inte när svaren kom in. Svar som kom in efter stängningen finns med men räknas inte i resultatet.',
  en:
    'Every response of the dialogue, anonymous: no ids, no contact details, and only the date (not the time) it came in. ' +
    'The order says nothing about when responses came in. Responses that came in after the close are here but do not count in the results.',
} as const;

export const exportColumns = {
  method: 'metod',
  receivedOn: 'inkom (datum)',
  counted: 'räknas i resultatet',
  relation: 'relation till kommunen',
  ageBand: 'ålder',
  locality: 'ort',
  yes: 'ja',
  no: 'nej',
} as const;
