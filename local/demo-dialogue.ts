import type { DialogueDefinition } from '../shared/dialogue/schema';

const DAY = 86_400_000;
const date = (from: Date, days: number): string => new Date(from.getTime() + days * DAY).toISOString().slice(0, 10);

/**
 * The demo dialogue that `npm start` seeds as `demo`: a realistic Ljungby question in the alternatives
 * format, with every question type and the profile questions. Dates follow today, so it is always open.
 */
export function demoDialogue(now: Date): DialogueDefinition {
  return {
    title: { sv: 'Lekplatsen vid Lagaparken i Lagan', en: 'The playground at Lagaparken in Lagan' },
    summary: {
      sv: 'Lekplatsen vid Lagaparken är sliten och ska göras om. Vi vill veta vilket av tre förslag du tycker bäst om och vad som är viktigast för dig.',
      en: 'The playground at Lagaparken is worn out and will be rebuilt. We want to know which of three proposals you prefer and what matters most to you.',
    },
    background: {
      sv: 'Kommunen ansvarar för 38 lekplatser. Varje år finns pengar för att göra om två av dem. Lekplatsen i Lagaparken byggdes 1998 och flera redskap måste tas bort av säkerhetsskäl. Budgeten för den nya lekplatsen är 1,2 miljoner kronor, och den ska gå att använda för barn med olika funktionsförmågor. Platsen och budgeten är bestämda; utformningen är det du kan påverka.',
      en: 'The municipality is responsible for 38 playgrounds, and each year there is money to rebuild two of them. The playground in Lagaparken was built in 1998 and several pieces of equipment must be removed for safety reasons. The budget for the new playground is SEK 1.2 million, and it must be usable by children of all abilities. The site and the budget are fixed; the design is what you can influence.',
    },
    targetGroup: {
      description: {
        sv: 'Barn, unga och vuxna som bor i eller besöker Lagan, särskilt familjer med barn under 12 år.',
        en: 'Children, young people and adults who live in or visit Lagan, especially families with children under 12.',
      },
      criteria: { relations: ['lives', 'visits'], localities: ['Lagan'] },
    },
    question: {
      sv: 'Hur ska den nya lekplatsen i Lagaparken se ut?',
      en: 'What should the new playground in Lagaparken look like?',
    },
    format: {
      kind: 'alternatives',
      alternatives: [
        {
          id: 'natur',
          title: { sv: 'Naturlekplats', en: 'Nature playground' },
          description: {
            sv: 'Klätterstockar, sandlek och planteringar med inhemska växter; lugnare miljö.',
            en: 'Climbing logs, sand play and native planting; a calmer setting.',
          },
        },
        {
          id: 'aventyr',
          title: { sv: 'Äventyrslekplats', en: 'Adventure playground' },
          description: {
            sv: 'Klätternät, lång rutschkana och linbana för större barn.',
            en: 'Climbing nets, a long slide and a zip line for older children.',
          },
        },
        {
          id: 'alla',
          title: { sv: 'Lekplats för alla', en: 'Playground for everyone' },
          description: {
            sv: 'Gungor och karusell som går att använda med rullstol, sinnesträdgård och fler sittplatser.',
            en: 'Swings and a roundabout usable from a wheelchair, a sensory garden and more seating.',
          },
        },
      ],
    },
    influence: {
      level: 'consultation',
      canChange: {
        sv: 'Vilket förslag som väljs och vad som prioriteras i utformningen.',
        en: 'Which proposal is chosen and what the design prioritises.',
      },
      cannotChange: {
        sv: 'Platsen, budgeten på 1,2 miljoner kronor och kraven på säkerhet och tillgänglighet.',
        en: 'The site, the SEK 1.2 million budget and the safety and accessibility requirements.',
      },
    },
    leadCommittee: 'tekniska-namnden',
    participatingCommittees: ['kultur-och-fritidsnamnden'],
    decision: { committee: 'tekniska-namnden', expectedDate: date(now, 75) },
    feedbackPromise: {
      how: {
        sv: 'Alla som lämnar sin e-postadress får ett mejl med resultatet och nämndens beslut. Resultatet och beslutet publiceras också på resultatsidan.',
        en: 'Everyone who leaves an email address gets an email with the result and the committee’s decision. The result and decision are also published on the results page.',
      },
      byDate: date(now, 90),
    },
    methods: ['web-survey', 'walk'],
    caseNumber: 'TN2026/0142',
    opensAt: new Date(now.getTime() - DAY).toISOString(),
    closesAt: new Date(now.getTime() + 30 * DAY).toISOString(),
    resultsVisibility: 'after-close',
    questions: [
      {
        id: 'favourite',
        type: 'single',
        required: true,
        label: { sv: 'Vilket förslag tycker du bäst om?', en: 'Which proposal do you like best?' },
        options: [
          { id: 'natur', label: { sv: 'Naturlekplats', en: 'Nature playground' } },
          { id: 'aventyr', label: { sv: 'Äventyrslekplats', en: 'Adventure playground' } },
          { id: 'alla', label: { sv: 'Lekplats för alla', en: 'Playground for everyone' } },
        ],
      },
      {
        id: 'ranking',
        type: 'ranking',
        required: false,
        rankOf: 'alternatives',
        label: { sv: 'Rangordna förslagen, det bästa först.', en: 'Rank the proposals, best first.' },
      },
      {
        id: 'important',
        type: 'multiple',
        required: false,
        maxChoices: 3,
        label: {
          sv: 'Vad är viktigast för dig? Välj högst tre.',
          en: 'What matters most to you? Choose at most three.',
        },
        options: [
          { id: 'shade', label: { sv: 'Skugga och träd', en: 'Shade and trees' } },
          { id: 'seating', label: { sv: 'Sittplatser för vuxna', en: 'Seating for adults' } },
          { id: 'toddlers', label: { sv: 'Lek för de minsta', en: 'Play for toddlers' } },
          { id: 'lighting', label: { sv: 'Belysning', en: 'Lighting' } },
          { id: 'toilet', label: { sv: 'Toalett i närheten', en: 'A toilet nearby' } },
        ],
      },
      {
        id: 'rating-alla',
        type: 'rating',
        required: false,
        concerns: 'alla',
        label: {
          sv: 'Hur bra är förslaget ”Lekplats för alla”?',
          en: 'How good is the proposal “Playground for everyone”?',
        },
        scale: {
          min: 1,
          max: 5,
          minLabel: { sv: 'Mycket dåligt', en: 'Very poor' },
          maxLabel: { sv: 'Mycket bra', en: 'Very good' },
        },
      },
      {
        id: 'visits',
        type: 'yesno',
        required: false,
        label: {
          sv: 'Besöker du Lagaparken minst en gång i månaden?',
          en: 'Do you visit Lagaparken at least once a month?',
        },
      },
      {
        id: 'comments',
        type: 'text',
        required: false,
        maxLength: 2000,
        label: { sv: 'Vill du lägga till något?', en: 'Anything you want to add?' },
      },
    ],
    profileQuestions: { relation: true, ageBand: true, locality: true },
  };
}
