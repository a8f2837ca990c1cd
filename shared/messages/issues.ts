/**
 * The words of every issue the domain finds (a 400's `issues`, a 422's `missing`), Swedish and English side by
 * side. Domain code builds issues as `issue(path, says.unknownCommittee(id))` and holds no text of its own.
 * Named exports, so a bundle (the browser script) keeps only the messages it uses.
 */
import type { Bilingual } from './language';

// The request body (functions/lib/parse.ts)

export const bodyEmpty = (): Bilingual => ({ sv: 'Begäran saknar innehåll.', en: 'The request body is empty.' });
export const bodyNotJson = (): Bilingual => ({
  sv: 'Innehållet är inte giltig JSON.',
  en: 'The body is not valid JSON.',
});
export const fieldNotAllowed = (key: string): Bilingual => ({
  sv: `Fältet "${key}" är inte tillåtet.`,
  en: `The field "${key}" is not allowed.`,
});

// Answers checked against the dialogue's questions (shared/responses/validate.ts)

export const answerRequired = (): Bilingual => ({
  sv: 'Den här frågan måste besvaras.',
  en: 'This question must be answered.',
});
export const unknownQuestion = (id: string): Bilingual => ({
  sv: `Frågan "${id}" finns inte i den här dialogen.`,
  en: `There is no question "${id}" in this dialogue.`,
});
export const chooseOne = (): Bilingual => ({ sv: 'Välj ett av alternativen.', en: 'Choose one of the options.' });
export const unknownOption = (id: string): Bilingual => ({
  sv: `Okänt alternativ "${id}".`,
  en: `Unknown option "${id}".`,
});
export const choicesAsList = (): Bilingual => ({ sv: 'Ange valen som en lista.', en: 'Give the choices as a list.' });
export const optionChosenTwice = (id: string): Bilingual => ({
  sv: `Alternativet "${id}" är valt två gånger.`,
  en: `Option "${id}" is chosen twice.`,
});
export const tooManyChoices = (max: number): Bilingual => ({
  sv: `Välj högst ${max} alternativ.`,
  en: `Choose at most ${max} options.`,
});
export const ratingOnScale = (min: number, max: number): Bilingual => ({
  sv: `Ange ett heltal från ${min} till ${max}.`,
  en: `Give a whole number from ${min} to ${max}.`,
});
export const rankingAsList = (): Bilingual => ({
  sv: 'Ange rangordningen som en lista, det viktigaste först.',
  en: 'Give the ranking as a list, most preferred first.',
});
export const unknownRankedItem = (id: string): Bilingual => ({
  sv: `Okänt alternativ "${id}" i rangordningen.`,
  en: `Unknown item "${id}" in the ranking.`,
});
export const rankedTwice = (id: string): Bilingual => ({
  sv: `"${id}" förekommer flera gånger i rangordningen.`,
  en: `"${id}" appears more than once in the ranking.`,
});
export const rankingGap = (id: string): Bilingual => ({
  sv: `Rangordna alla alternativ; "${id}" saknas.`,
  en: `Rank every item; "${id}" is missing.`,
});
export const answerAsText = (): Bilingual => ({ sv: 'Svaret ska vara text.', en: 'The answer must be text.' });
export const answerTooLong = (max: number, length: number): Bilingual => ({
  sv: `Svaret får vara högst ${max} tecken (nu ${length}).`,
  en: `The answer may be at most ${max} characters (now ${length}).`,
});
export const yesOrNo = (): Bilingual => ({ sv: 'Svara ja eller nej.', en: 'Answer yes or no.' });

// The optional profile and the contact

export const relationNotAsked = (): Bilingual => ({
  sv: 'Den här dialogen frågar inte om relation till kommunen.',
  en: 'This dialogue does not ask about relation to the municipality.',
});
export const givenTwice = (value: string): Bilingual => ({
  sv: `"${value}" är angivet två gånger.`,
  en: `"${value}" is given twice.`,
});
export const ageNotAsked = (): Bilingual => ({
  sv: 'Den här dialogen frågar inte om ålder.',
  en: 'This dialogue does not ask about age.',
});
export const localityNotAsked = (): Bilingual => ({
  sv: 'Den här dialogen frågar inte om ort.',
  en: 'This dialogue does not ask about locality.',
});
export const unknownLocality = (locality: string): Bilingual => ({
  sv: `Okänd ort "${locality}"; välj en ort i kommunen.`,
  en: `Unknown locality "${locality}"; choose a place in the municipality.`,
});
export const emailAddress = (): Bilingual => ({
  sv: 'Skriv e-postadressen som namn@exempel.se.',
  en: 'Write the email address as name@example.se.',
});
export const consentRequired = (): Bilingual => ({
  sv: 'Kryssa i att vi får använda e-postadressen för att skicka resultatet, eller lämna adressen tom.',
  en: 'Tick the box allowing us to use the email address to send the result, or leave the address empty.',
});

export const entryMethod = (): Bilingual => ({
  sv: 'Ange hur svaret kom in: ”paper” (pappersblankett) eller ”meeting” (möte).',
  en: 'Say how the response came in: "paper" (a paper form) or "meeting".',
});
export const moderationState = (): Bilingual => ({
  sv: 'Välj ”publishable” (får publiceras) eller ”hidden” (dold).',
  en: 'Choose "publishable" or "hidden".',
});

// A dialogue's definition (shared/dialogue/rules.ts)

export const unknownCommittee = (id: string): Bilingual => ({
  sv: `Okänd nämnd "${id}".`,
  en: `Unknown committee "${id}".`,
});
export const leadAlsoParticipating = (): Bilingual => ({
  sv: 'Den huvudansvariga nämnden ska inte också stå som deltagande.',
  en: 'The lead committee must not also be listed as participating.',
});
export const committeeListedTwice = (id: string): Bilingual => ({
  sv: `Nämnden "${id}" står flera gånger.`,
  en: `Committee "${id}" is listed more than once.`,
});
export const alternativeTwice = (id: string): Bilingual => ({
  sv: `Förslaget "${id}" finns flera gånger.`,
  en: `Alternative "${id}" appears more than once.`,
});
export const closesBeforeOpening = (): Bilingual => ({
  sv: 'Dialogen måste stänga efter att den öppnar.',
  en: 'The dialogue must close after it opens.',
});
export const questionTwice = (id: string): Bilingual => ({
  sv: `Frågan "${id}" finns flera gånger.`,
  en: `Question "${id}" appears more than once.`,
});
export const optionTwice = (id: string): Bilingual => ({
  sv: `Svarsalternativet "${id}" finns flera gånger.`,
  en: `Option "${id}" appears more than once.`,
});
export const moreChoicesThanOptions = (): Bilingual => ({
  sv: 'Fler val tillåts än det finns alternativ.',
  en: 'More choices are allowed than there are options.',
});
export const scaleUpsideDown = (): Bilingual => ({
  sv: 'Skalans lägsta värde måste vara mindre än det högsta.',
  en: 'The scale minimum must be below its maximum.',
});
export const rankingWithoutOptions = (): Bilingual => ({
  sv: 'En rangordning behöver alternativ att rangordna.',
  en: 'A ranking needs options to rank.',
});
export const rankingAlternativesWithoutFormat = (): Bilingual => ({
  sv: 'Att rangordna förslagen kräver formatet med alternativa förslag.',
  en: 'Ranking the alternatives needs the alternatives format.',
});
export const noSuchAlternative = (id: string): Bilingual => ({
  sv: `Förslaget "${id}" finns inte.`,
  en: `There is no alternative "${id}".`,
});

// What must be filled in before a dialogue opens (P5–P8, P12), and the warnings on opening

export const summaryMissing = (): Bilingual => ({
  sv: 'Skriv en kort sammanfattning av dialogen.',
  en: 'Write a short summary of the dialogue.',
});
export const backgroundMissing = (): Bilingual => ({
  sv: 'Beskriv bakgrunden: kommunens ansvar och vad som måste prioriteras (P5).',
  en: 'Describe the background: the municipality’s responsibilities and what must be prioritised (P5).',
});
export const targetGroupMissing = (): Bilingual => ({
  sv: 'Ange målgruppen: vilka dialogen vänder sig till (P6).',
  en: 'State the target group: whom the dialogue is for (P6).',
});
export const questionMissing = (): Bilingual => ({
  sv: 'Formulera frågan som invånarna ska svara på (P6).',
  en: 'Write the question citizens are asked (P6).',
});
export const influenceMissing = (): Bilingual => ({
  sv: 'Ange påverkbarheten: steg på delaktighetstrappan och vad som kan och inte kan ändras (P6).',
  en: 'State the degree of influence: the ladder step and what can and cannot change (P6).',
});
export const decisionMissing = (): Bilingual => ({
  sv: 'Ange vilken nämnd som beslutar och när beslutet väntas (P7).',
  en: 'State which committee decides and when the decision is expected (P7).',
});
export const feedbackPromiseMissing = (): Bilingual => ({
  sv: 'Beskriv hur och när deltagarna får veta resultatet (P12).',
  en: 'Describe how and when participants will hear the result (P12).',
});
export const closesAtMissing = (): Bilingual => ({
  sv: 'Ange när dialogen stänger.',
  en: 'State when the dialogue closes.',
});
export const closesAtPassed = (): Bilingual => ({
  sv: 'Stängningstiden har redan passerat; välj en senare tid.',
  en: 'The closing time has already passed; choose a later one.',
});
export const surveyWithoutQuestions = (): Bilingual => ({
  sv: 'En webbenkät behöver minst en fråga.',
  en: 'A web survey needs at least one question.',
});
export const decisionSoonAfterClose = (days: number): Bilingual => ({
  sv: `Beslutet väntas bara ${days} dagar efter att dialogen stänger; synpunkterna hinner knappt beaktas (P7).`,
  en: `The decision is expected only ${days} days after the dialogue closes; there is little time to consider the input (P7).`,
});

// The committee's decision (shared/decision/register.ts)

export const decisionAlternativeUnknown = (id: string): Bilingual => ({
  sv: `Förslaget "${id}" finns inte i dialogen.`,
  en: `The dialogue has no alternative "${id}".`,
});
