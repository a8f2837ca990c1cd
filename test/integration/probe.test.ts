import { randomUUID } from 'node:crypto';
import { createTestTable } from '../support/dynamo';
import { seedDemo } from '../../local/seed';
import { handler as submit } from '../../functions/dialogues/submit/handler';
import { handler as create } from '../../functions/admin/dialogues/create/handler';
import { handler as update } from '../../functions/admin/dialogues/update/handler';
import { routes } from '../../shared/routes';
import { httpEvent, invoke, officialOf } from './support/events';
import { scanAll, testDocumentClient, tableName } from './support/table';

const db = testDocumentClient();
beforeAll(async () => { await createTestTable(); await seedDemo(db, tableName(), 4); });
it('probe', async () => {
  const post = (body: unknown, extra = {}) => invoke(submit, httpEvent(routes.submitResponse, { pathParameters: { id: 'demo' }, body, ...extra }));
  let t = Date.now();
  for (const text of ['\ud800', 'a\udfffb', 'ok <script>', '\u0000x']) {
    const r = await post({ answers: { favourite: 'natur', comments: text }, submissionId: randomUUID() });
    console.log(JSON.stringify(text), r.statusCode, JSON.stringify(r.json));
  }
  console.log('ms', Date.now() - t);
  const sid = randomUUID();
  console.log((await post({ answers: { favourite: 'natur' }, submissionId: sid })).json, (await post({ answers: { favourite: 'alla' }, submissionId: sid })).json);
  console.log((await post('{"answers":{"favourite":"natur"},"submissionId":"' + randomUUID() + '","__proto__":{}}')).json);
  console.log((await post({ answers: { favourite: 'natur' }, submissionId: randomUUID(), homepage: '\ud800' })).statusCode);
  t = Date.now();
  for (let i = 0; i < 100; i++) await post({ answers: { favourite: 'natur' }, submissionId: randomUUID() });
  console.log('100 submits ms', Date.now() - t);
  t = Date.now();
  for (let i = 0; i < 100; i++) await post({ answers: { favourite: 'nope' }, submissionId: randomUUID() });
  console.log('100 400s ms', Date.now() - t);
  const off = officialOf('tekniska-namnden');
  const c = await invoke<Record<string, unknown>>(create, httpEvent(routes.createDialogue, { official: off, body: { title: { sv: 'x\ud800' }, leadCommittee: 'tekniska-namnden', caseNumber: 'TN1' } }));
  console.log(c.statusCode, c.json);
  const c2 = await invoke<Record<string, unknown>>(create, httpEvent(routes.createDialogue, { official: off, body: { title: { sv: 'Åäö' }, leadCommittee: 'tekniska-namnden', caseNumber: 'TN1', summary: { sv: 's' } } }));
  const u = await invoke<Record<string, unknown>>(update, httpEvent(routes.updateDialogue, { official: off, pathParameters: { id: String(c2.json.id) }, body: { title: { sv: 'Åäö' }, leadCommittee: 'tekniska-namnden' } }));
  console.log(u.statusCode, u.json);
  console.log((await scanAll(db)).filter((i) => String(i.pk).includes('RESPONSES')).slice(0, 6).map((i) => JSON.stringify(i)));
});
