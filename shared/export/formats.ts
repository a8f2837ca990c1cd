/** The export of every response comes as JSON (with the dialogue's definition) or as CSV for spreadsheets. */
export const exportFormats = ['json', 'csv'] as const;
export type ExportFormat = (typeof exportFormats)[number];
