/**
 * The words of every refusal that is not a list of issues (404, 409, 403, 401, 413, 415, 500), Swedish and English.
 * An error body carries both (`message` Swedish, `messageEn` English, as an issue does); the English one is also the
 * Error's own message, for logs and operators.
 */
import type { Bilingual, Language } from './language';

const statusNames: Record<string, Record<Language, string>> = {
  draft: { sv: 'utkast', en: 'draft' },
  open: { sv: 'öppen', en: 'open' },
  closed: { sv: 'stängd', en: 'closed' },
  decided: { sv: 'beslutad', en: 'decided' },
  evaluated: { sv: 'utvärderad', en: 'evaluated' },
};
const statusName = (status: string, lang: Language): string => statusNames[status]?.[lang] ?? status;

// Dialogues

export const noDialogue = (id: string): Bilingual => ({
  sv: `Det finns ingen dialog "${id}".`,
  en: `There is no dialogue "${id}".`,
});
export const notOpenForResponses = (): Bilingual => ({
  sv: 'Dialogen tar inte emot svar just nu.',
  en: 'This dialogue is not open for responses.',
});
export const entriesWhileOpen = (): Bilingual => ({
  sv: 'Svar från andra metoder förs in medan dialogen är öppen, så att de räknas med i resultatet.',
  en: 'Responses from other methods are entered while the dialogue is open, so that they count in the result.',
});
export const noFreeText = (): Bilingual => ({
  sv: 'Det finns inget sådant fritextsvar i dialogen.',
  en: 'There is no such free-text answer in this dialogue.',
});
export const changedWhileSaving = (): Bilingual => ({
  sv: 'Dialogen ändrades medan svaret sparades; skicka det igen.',
  en: 'The dialogue changed while the response was being saved; please send it again.',
});
export const onlyLeadCommittee = (): Bilingual => ({
  sv: 'Bara tjänstepersoner i den huvudansvariga nämnden, eller en administratör, får ändra den här dialogen.',
  en: 'Only officials of the lead committee, or an administrator, may change this dialogue.',
});
export const otherCommittee = (): Bilingual => ({
  sv: 'Dialogen hör till en annan nämnd.',
  en: 'This dialogue belongs to another committee.',
});
export const decidedCannotBeEdited = (): Bilingual => ({
  sv: 'En dialog med registrerat beslut kan inte längre ändras.',
  en: 'A decided dialogue can no longer be edited.',
});
export const questionsLocked = (): Bilingual => ({
  sv: 'Frågorna är låsta: det finns redan svar. Kopiera dialogen för att ställa andra frågor.',
  en: 'The questions are locked: responses have already been given. Copy the dialogue to ask different questions.',
});
export const illegalTransition = (from: string, to: string): Bilingual => ({
  sv: `En dialog med status ”${statusName(from, 'sv')}” kan inte få status ”${statusName(to, 'sv')}”.`,
  en: `A dialogue that is ${from} cannot become ${to}.`,
});
export const dialogueExists = (id: string): Bilingual => ({
  sv: `Det finns redan en dialog "${id}".`,
  en: `A dialogue "${id}" already exists.`,
});
export const changedBySomeoneElse = (): Bilingual => ({
  sv: 'Dialogen har ändrats av någon annan; läs in den igen och försök på nytt.',
  en: 'The dialogue was changed by someone else; reload it and try again.',
});

// Decisions and the feedback mailout

export const decisionAlreadyRegistered = (): Bilingual => ({
  sv: 'Beslutet är redan registrerat; rätta det med PUT innan utskicket börjar.',
  en: 'The decision is already registered; correct it with PUT before the mailout starts.',
});
export const closeBeforeDecision = (): Bilingual => ({
  sv: 'Stäng dialogen innan beslutet registreras.',
  en: 'Close the dialogue before registering the decision.',
});
export const evaluateAfterFeedback = (): Bilingual => ({
  sv: 'Nämndens utvärdering förs in när beslutet är registrerat och återkopplingen har skickats till deltagarna.',
  en: 'The committee’s evaluation is recorded once the decision is registered and the feedback has gone to the participants.',
});
export const noDialogueEvaluationYet = (): Bilingual => ({
  sv: 'Återkopplingen till deltagarna skickas fortfarande. Utvärdera när den är klar.',
  en: 'The feedback to the participants is still being sent. Evaluate when it is done.',
});
export const noDecisionToCorrect = (): Bilingual => ({
  sv: 'Det finns inget registrerat beslut att rätta.',
  en: 'There is no registered decision to correct.',
});
export const changedOrDecided = (): Bilingual => ({
  sv: 'Dialogen har ändrats, eller så är beslutet redan registrerat.',
  en: 'The dialogue changed, or its decision is already registered.',
});
export const mailoutStarted = (): Bilingual => ({
  sv: 'Utskicket av återkopplingen har börjat; beslutet kan inte längre rättas.',
  en: 'The feedback emails have started going out; the decision can no longer be corrected.',
});

// The request itself

export const tokenRequired = (): Bilingual => ({
  sv: 'En giltig token för tjänstepersoner krävs.',
  en: 'A valid officials’ token is required.',
});
export const sendAs = (contentType: string): Bilingual => ({
  sv: `Skicka innehållet med "Content-Type: ${contentType}".`,
  en: `Send the body with "Content-Type: ${contentType}".`,
});
export const tooLarge = (limitBytes: number): Bilingual => ({
  sv: `Innehållet är större än ${limitBytes} byte.`,
  en: `The request body is larger than ${limitBytes} bytes.`,
});
export const internal = (): Bilingual => ({
  sv: 'Något gick fel hos oss. Försök igen om en stund.',
  en: 'Something went wrong on our side. Please try again later.',
});
