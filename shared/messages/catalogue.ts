/** UI and notice texts, Swedish first; English has exactly the same keys (the type enforces it). */
const sv = {
  dataHandling: {
    stored: 'Vi sparar dina svar på frågorna och, om du vill, din ålder, ort och relation till kommunen.',
    anonymous: 'Svaren är anonyma: vi sparar inte ditt namn, din IP-adress eller något annat som pekar ut dig, och svaren kan inte kopplas till din e-postadress.',
    email: 'E-postadressen är frivillig. Den sparas skild från svaren och används bara för att berätta resultatet och beslutet för dig. Därefter raderas den enligt kommunens regler för allmänna handlingar.',
    withdraw: 'Du kan när som helst ta bort din e-postadress via länken i e-posten eller genom att kontakta kommunen.',
    controller: 'Personuppgiftsansvarig är den nämnd som ansvarar för dialogen.',
  },
  representativeDemocracy: 'Dialogen är ett komplement till den representativa demokratin: beslutet fattas av de förtroendevalda i nämnden.',
  influenceLevels: {
    information: 'Information',
    consultation: 'Konsultation',
    dialogue: 'Dialog',
    influence: 'Inflytande',
    'co-decision': 'Medbestämmande',
  },
};

export type Catalogue = typeof sv;

const en: Catalogue = {
  dataHandling: {
    stored: 'We store your answers to the questions and, if you wish, your age, locality and relation to the municipality.',
    anonymous: 'Answers are anonymous: we do not store your name, your IP address or anything else that identifies you, and answers cannot be linked to your email address.',
    email: 'Your email address is optional. It is stored apart from the answers and used only to tell you the result and the decision. After that it is deleted under the municipality’s rules for public records.',
    withdraw: 'You can remove your email address at any time through the link in the email or by contacting the municipality.',
    controller: 'The controller of personal data is the committee responsible for the dialogue.',
  },
  representativeDemocracy: 'The dialogue complements representative democracy: the decision is taken by the elected representatives on the committee.',
  influenceLevels: {
    information: 'Information',
    consultation: 'Consultation',
    dialogue: 'Dialogue',
    influence: 'Influence',
    'co-decision': 'Co-decision',
  },
};

export const catalogues = { sv, en } as const;
export type Language = keyof typeof catalogues;
