/**
 * P10: how a response came in. The web form is the default and is never stored; officials enter the others
 * (a paper form, a meeting's input) in the console, so that one result covers the whole dialogue.
 */
export const entryMethods = ['paper', 'meeting'] as const;
export type EntryMethod = (typeof entryMethods)[number];
export const responseMethods = ['web', ...entryMethods] as const;
export type ResponseMethod = (typeof responseMethods)[number];
