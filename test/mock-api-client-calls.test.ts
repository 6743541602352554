import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import type { MockServer } from '../mock-accounting/index.js';
import type { ApiClient } from './support/mock.js';
import { backOffice, dateMs, entryBody, envelope, seedIds, startConnected, type SeedIds } from './support/mock-api-fixtures.js';

// The everyday calls of real Exact clients, with only the base URL changed: picqer's find()/first()/findId() ($top=1),
// its save() of a fetched entity, the Python client's month lines (From/To), $select on Exact's properties, current/Me,
// closed periods (JournalStatusList) and bulk/ reads. Each test names the section of exact-api.md it checks.

const PAD = (code: string) => code.padStart(18, ' ');

describe('the calls real Exact clients make', () => {
  let mock: MockServer;
  let api: ApiClient;
  let other: ApiClient;
  let accessToken: string;
  let ids: SeedIds;
  afterEach(() => mock.close());

  async function start(options: Parameters<typeof startConnected>[0] = {}) {
    ({ mock, api, other, accessToken } = await startConnected(options));
    ids = await seedIds(api);
  }

  /** The headers picqer's Connection sends on every call. */
  function picqerHeaders() {
    return {
      Authorization: `Bearer ${accessToken}`,
      Accept: 'application/json',
      'Content-Type': 'application/json',
      Prefer: 'return=representation',
    };
  }

  async function bookEntry(overrides: Record<string, unknown> = {}): Promise<string> {
    const posted = await api.post('salesentry/SalesEntries', entryBody(ids, overrides));
    expect(posted.status).toBe(201);
    return posted.body.d.EntryID as string;
  }

  describe('exact-api.md §4: a list asked with $top comes as the bare array {"d":[…]}', () => {
    it('picqer\'s find($id) ($filter on the key, $top=1) gets {"d":[entry]}, so $records[0] is the entry', async () => {
      await start();
      const id = await bookEntry({ YourRef: '2026/7' });
      const found = await api.get(`salesentry/SalesEntries?$filter=EntryID eq guid'${id}'&$top=1`);
      expect(found.status).toBe(200);
      expect(Object.keys(found.body)).toEqual(['d']);
      expect(Array.isArray(found.body.d)).toBe(true);
      expect(found.body.d).toHaveLength(1);
      expect(found.body.d[0]).toMatchObject({ EntryID: id, EntryNumber: 1001, YourRef: '2026/7' });
    });

    it("picqer's findId($code) ($filter on the padded Code, $top=1, $select and $orderby on the key) gets the ID at d[0]", async () => {
      await start();
      const answer = await api.get(`crm/Accounts?$filter=Code eq '${PAD('2')}'&$top=1&$select=ID&$orderby=ID`);
      expect(answer.body).toEqual({ d: [{ __metadata: expect.any(Object), ID: ids.customers['2'] }] });
    });

    it('picqer\'s first() on nothing gets {"d":[]}; the same list without $top keeps {"d":{"results":[…]}}', async () => {
      await start();
      expect((await api.get("crm/Accounts?$filter=Name eq 'Nobody'&$top=1")).body).toEqual({ d: [] });
      expect((await api.get("crm/Accounts?$filter=Name eq 'Nobody'")).body).toEqual({ d: { results: [] } });
      const all = await api.get('crm/Accounts?$select=Code');
      expect(Object.keys(all.body.d)).toEqual(['results']);
    });

    it('keeps the results form where v2 features are needed: $top beyond a page (__next) and $inlinecount (__count)', async () => {
      await start();
      const counted = await api.get('crm/Accounts?$top=2&$inlinecount=allpages&$select=Code');
      expect(counted.body.d).toMatchObject({ __count: '4' });
      expect(counted.body.d.results).toHaveLength(2);
      expect(Object.keys((await api.get('crm/Accounts?$top=61&$select=Code')).body.d)).toEqual(['results']);
    });

    it('with the option listWithTop: \'results\' a $top list keeps {"d":{"results":[…]}}', async () => {
      await start({ listWithTop: 'results' });
      const answer = await api.get('crm/Accounts?$top=1&$select=Code');
      expect(answer.body.d.results).toHaveLength(1);
    });
  });

  describe('exact-api.md §4 and §6: a fetched sales entry saved back whole, the way the PHP client does it', () => {
    it('GET with $top=1 (bare array), change Description, PUT the whole object (__deferred lines, /Date()/ dates, read-only fields), read it again', async () => {
      await start();
      const id = await bookEntry({ YourRef: '2026/9', Description: 'Invoice 2026/9', DueDate: '2026-04-01' });

      // find($id): $filter on the key and $top=1; the model keeps only its known properties, so __metadata goes.
      const fetched = await request(mock.url)
        .get(`/api/v1/100001/salesentry/SalesEntries?$filter=EntryID eq guid'${id}'&$top=1`)
        .set(picqerHeaders());
      expect(Array.isArray(fetched.body.d)).toBe(true);
      const { __metadata, ...attributes } = fetched.body.d[0] as Record<string, unknown>;
      expect(__metadata).toMatchObject({ type: 'Exact.Web.Api.Models.SalesEntry' });
      expect(attributes.SalesEntryLines).toEqual({
        __deferred: { uri: `${mock.url}/api/v1/100001/salesentry/SalesEntries(guid'${id}')/SalesEntryLines` },
      });
      expect(attributes.EntryDate).toBe(`/Date(${dateMs('2026-03-02')})/`);
      expect(attributes.DueDate).toBe(`/Date(${dateMs('2026-04-01')})/`);
      expect(attributes).toMatchObject({
        EntryID: id,
        AmountDC: 121,
        Type: 20,
        Status: 20,
        CustomerName: 'Brouwerij De Kroon',
        Created: expect.stringMatching(/^\/Date\(\d+\)\/$/),
      });

      // save(): PUT (guid'…') with every attribute it holds, json_encode'd (which writes "/" as "\/").
      const body = JSON.stringify({ ...attributes, Description: 'Invoice 2026/9, corrected' }).replace(/\//g, '\\/');
      expect(body).toContain('"EntryDate":"\\/Date(');
      const saved = await request(mock.url).put(`/api/v1/100001/salesentry/SalesEntries(guid'${id}')`).set(picqerHeaders()).send(body);
      expect(saved.status).toBe(204);
      expect(saved.text).toBe('');

      const again = await request(mock.url)
        .get(`/api/v1/100001/salesentry/SalesEntries?$filter=EntryID eq guid'${id}'&$top=1`)
        .set(picqerHeaders());
      const { __metadata: _metadata, ...after } = again.body.d[0] as Record<string, unknown>;
      expect(after).toEqual({ ...attributes, Description: 'Invoice 2026/9, corrected', Modified: after.Modified });
      const lines = await api.get(`salesentry/SalesEntries(guid'${id}')/SalesEntryLines?$select=AmountFC`);
      expect(lines.body.d.results.map((l: { AmountFC: number }) => l.AmountFC)).toEqual([100]);
    });

    it('a PUT still refuses new lines (an array) and a changed booking number, as before', async () => {
      await start();
      const id = await bookEntry();
      const lines = await api.put(`salesentry/SalesEntries(guid'${id}')`, {
        SalesEntryLines: [{ GLAccount: ids.gl['700000'], AmountFC: 5 }],
      });
      expect(lines.status).toBe(400);
      expect(lines.body).toEqual(envelope('Error processing request stream. Binding to new entities is not supported in update requests.'));
      const renumbered = await api.put(`salesentry/SalesEntries(guid'${id}')`, {
        EntryNumber: 1500,
        SalesEntryLines: { __deferred: { uri: 'x' } },
      });
      expect(renumbered.status).toBe(400);
    });
  });

  describe('exact-api.md §6: sales entry lines take From, To and Project', () => {
    const PROJECT = '5b7f4515-b7a0-4839-ac69-574968677d96';

    it("keeps the Python client's month line (From/To as ISO dates) and a Project, and shows them as Exact does", async () => {
      await start();
      const line = {
        GLAccount: ids.gl['705000'],
        AmountFC: 250,
        VATCode: '21',
        Description: 'Hosting March',
        From: '2026-03-01',
        To: '2026-03-31',
        Project: PROJECT.toUpperCase(),
      };
      const id = await bookEntry({ SalesEntryLines: [line] });
      const read = await api.get(
        `salesentry/SalesEntries(guid'${id}')/SalesEntryLines?$select=From,To,Project,ProjectDescription,AmountFC`,
      );
      expect(read.body.d.results).toEqual([
        {
          __metadata: expect.any(Object),
          From: `/Date(${dateMs('2026-03-01')})/`,
          To: `/Date(${dateMs('2026-03-31')})/`,
          Project: PROJECT,
          ProjectDescription: null,
          AmountFC: 250,
        },
      ]);
    });

    it('takes them as /Date()/ on a line posted on its own, and refuses a From that is no date', async () => {
      await start();
      const id = await bookEntry();
      const added = await api.post('salesentry/SalesEntryLines', {
        EntryID: id,
        GLAccount: ids.gl['700000'],
        AmountFC: 10,
        From: `/Date(${dateMs('2026-04-01')})/`,
        To: `/Date(${dateMs('2026-06-30')})/`,
      });
      expect(added.status).toBe(201);
      expect(added.body.d).toMatchObject({ From: `/Date(${dateMs('2026-04-01')})/`, To: `/Date(${dateMs('2026-06-30')})/`, Project: null });
      const bad = await api.post('salesentry/SalesEntryLines', { EntryID: id, GLAccount: ids.gl['700000'], AmountFC: 10, From: 'April' });
      expect(bad.status).toBe(400);
      expect(bad.body).toEqual(
        envelope("Error processing request stream. Cannot convert the value of property 'From' to the expected type 'Edm.DateTime'."),
      );
    });
  });

  describe("exact-api.md §6: every property of Exact's reference can be selected", () => {
    // The properties of SalesEntries and SalesEntryLines in Exact's reference pages (as picqer's models list them).
    const ENTRY =
      'EntryID,AmountDC,AmountFC,BatchNumber,Created,Creator,CreatorFullName,Currency,Customer,CustomerName,CustomField,Description,Division,Document,DocumentNumber,DocumentSubject,DueDate,EntryDate,EntryNumber,ExternalLinkDescription,ExternalLinkReference,GAccountAmountFC,InvoiceNumber,IsExtraDuty,Journal,JournalDescription,Modified,Modifier,ModifierFullName,OrderNumber,PaymentCondition,PaymentConditionDescription,PaymentConditionPaymentMethod,PaymentReference,ProcessNumber,Rate,ReportingPeriod,ReportingYear,Reversal,SalesEntryLines,Status,StatusDescription,Type,TypeDescription,VATAmountDC,VATAmountFC,WithholdingTaxAmountDC,WithholdingTaxBaseAmount,WithholdingTaxPercentage,YourRef';
    const LINE =
      'ID,AmountDC,AmountFC,Asset,AssetDescription,CostCenter,CostCenterDescription,CostUnit,CostUnitDescription,CustomField,Description,Division,EntryID,ExtraDutyAmountFC,ExtraDutyPercentage,From,GLAccount,GLAccountCode,GLAccountDescription,IntraStatArea,IntraStatCountry,IntraStatDeliveryTerm,IntraStatTransactionA,IntraStatTransactionB,IntraStatTransportMethod,LineNumber,Notes,Project,ProjectDescription,ProjectWBS,ProjectWBSDescription,Quantity,SerialNumber,StatisticalNetWeight,StatisticalNumber,StatisticalQuantity,StatisticalValue,Subscription,SubscriptionDescription,TaxSchedule,To,TrackingNumber,TrackingNumberDescription,Type,VATAmountDC,VATAmountFC,VATBaseAmountDC,VATBaseAmountFC,VATCode,VATCodeDescription,VATPercentage';

    it('$select on all of them is 200, each present; the descriptions carry values, the rest null', async () => {
      await start();
      const id = await bookEntry({ Journal: '71', SalesEntryLines: [{ GLAccount: ids.gl['700000'], AmountFC: -50, VATCode: '21' }] });
      const entry = await api.get(`salesentry/SalesEntries(guid'${id}')?$select=${ENTRY}`);
      expect(entry.status).toBe(200);
      expect(
        Object.keys(entry.body.d)
          .filter((k) => k !== '__metadata')
          .sort(),
      ).toEqual(ENTRY.split(',').sort());
      expect(entry.body.d).toMatchObject({
        JournalDescription: 'Sales credit notes',
        Type: 21,
        TypeDescription: 'Sales credit note',
        Status: 20,
        StatusDescription: 'Open',
        DocumentNumber: null,
        PaymentConditionDescription: null,
        IsExtraDuty: false,
      });
      const lines = await api.get(`salesentry/SalesEntries(guid'${id}')/SalesEntryLines?$select=${LINE}`);
      expect(lines.status).toBe(200);
      expect(
        Object.keys(lines.body.d.results[0])
          .filter((k) => k !== '__metadata')
          .sort(),
      ).toEqual(LINE.split(',').sort());
      expect(lines.body.d.results[0]).toMatchObject({
        GLAccountDescription: 'Sales of goods',
        VATCodeDescription: 'VAT 21%',
        CostCenterDescription: null,
        Notes: null,
      });
    });

    it('ignores those it does not keep on write, as read-only properties are', async () => {
      await start();
      const id = await bookEntry({
        BatchNumber: 7,
        DocumentNumber: 3,
        SalesEntryLines: [{ GLAccount: ids.gl['700000'], AmountFC: 1, Notes: 'x', SerialNumber: 'S1' }],
      });
      const entry = await api.get(`salesentry/SalesEntries(guid'${id}')?$select=BatchNumber,DocumentNumber`);
      expect(entry.body.d).toMatchObject({ BatchNumber: null, DocumentNumber: null });
    });
  });

  describe("exact-api.md §1: current/Me has the fields of Exact's reference", () => {
    const ME =
      'UserID,AccountingDivision,CurrentDivision,CustomerCode,DivisionCustomer,DivisionCustomerCode,DivisionCustomerName,DivisionCustomerSiretNumber,DivisionCustomerVatNumber,DossierDivision,Email,EmployeeID,FirstName,FullName,Gender,Initials,IsClientUser,IsEmployeeSelfServiceUser,IsMyFirmLiteUser,IsMyFirmPortalUser,IsOEIMigrationMandatory,IsStarterUser,Language,LanguageCode,LastName,Legislation,MiddleName,Mobile,Nationality,PackageCode,Phone,PhoneExtension,PictureUrl,ServerTime,ServerUtcOffset,ThumbnailPicture,ThumbnailPictureFormat,Title,UserName';

    it("$select=CurrentDivision,AccountingDivision, a client's normal start, is 200", async () => {
      await start();
      const answer = await api.get('/api/v1/current/Me?$select=CurrentDivision,AccountingDivision');
      expect(answer.status).toBe(200);
      expect(answer.body.d.results).toEqual([{ __metadata: expect.any(Object), CurrentDivision: 100001, AccountingDivision: 100001 }]);
    });

    it('every field is there, never missing: the demo user and division where known, else null', async () => {
      await start();
      const me = (await api.get('/api/v1/current/Me')).body.d.results[0] as Record<string, unknown>;
      expect(Object.keys(me).filter((k) => k !== '__metadata')).toEqual(ME.split(','));
      expect(me).toMatchObject({
        FullName: 'Demo Accountant',
        FirstName: 'Demo',
        LastName: 'Accountant',
        Initials: 'D.',
        UserName: 'demo@booklab.test',
        Email: 'demo@booklab.test',
        LanguageCode: 'en-BE',
        Language: 'EN',
        DivisionCustomerName: 'Booklab Demo BV',
        ServerTime: '2026-03-02T09:00:00.000Z',
        ServerUtcOffset: 0,
        IsStarterUser: false,
        Gender: 'O',
        Phone: null,
        Legislation: null,
        ThumbnailPicture: null,
      });
      expect(Object.values(me).includes(undefined)).toBe(false);
    });
  });

  describe('exact-api.md §6 and §8: JournalStatusList shows the periods closed in the back office', () => {
    const row = (journal: string, year: number, period: number, status: 0 | 1) => ({
      __metadata: {
        uri: `${mock.url}/api/v1/100001/read/financial/JournalStatusList(Journal='${journal}',Period=${period},Year=${year})`,
        type: 'Exact.Web.Api.Models.JournalStatusList',
      },
      Journal: journal,
      Period: period,
      Year: year,
      JournalDescription: journal === '70' ? 'Sales invoices' : 'Sales credit notes',
      JournalType: 20,
      JournalTypeDescription: 'Sales',
      Status: status,
      StatusDescription: status ? 'Closed' : 'Open',
    });

    it('Status 1 for every journal in a closed period, 0 again once reopened; other divisions untouched', async () => {
      await start();
      const closed = await backOffice(mock).put('/__mock/divisions/100001/periods/2026/2').send({ closed: true });
      expect(closed.status).toBe(200);
      const filter = '$filter=Year eq 2026 and Period le 3';
      const list = await api.get(`read/financial/JournalStatusList?${filter}`);
      expect(list.body.d.results).toEqual([
        row('70', 2026, 1, 0),
        row('70', 2026, 2, 1),
        row('70', 2026, 3, 0),
        row('71', 2026, 1, 0),
        row('71', 2026, 2, 1),
        row('71', 2026, 3, 0),
      ]);
      const byPeriod = await api.get(
        'read/financial/JournalStatusByFinancialPeriod?$filter=Year eq 2026 and Period eq 2&$select=Journal,Status',
      );
      expect(byPeriod.body.d.results.map((r: { Journal: string; Status: number }) => [r.Journal, r.Status])).toEqual([
        ['70', 1],
        ['71', 1],
      ]);
      expect((await other.get('read/financial/JournalStatusList?$filter=Status eq 1')).body.d.results).toEqual([]);

      await backOffice(mock).put('/__mock/divisions/100001/periods/2026/2').send({ closed: false });
      expect((await api.get('read/financial/JournalStatusList?$filter=Status eq 1')).body.d.results).toEqual([]);
    });

    it('is keyed by Journal, Period and Year: GET by that key, and $top=1 as a bare array', async () => {
      await start();
      await backOffice(mock).put('/__mock/divisions/100001/periods/2025/12').send({ closed: true });
      expect((await api.get("read/financial/JournalStatusList(Journal='71',Period=12,Year=2025)")).body).toEqual({
        d: row('71', 2025, 12, 1),
      });
      expect((await api.get("read/financial/JournalStatusList(Journal='71',Period=12,Year=1999)")).status).toBe(404);
      expect((await api.get("read/financial/JournalStatusList(Journal='71',Period=12)")).status).toBe(400);
      expect((await api.get('read/financial/JournalStatusList?$top=1')).body).toEqual({ d: [row('70', 2025, 1, 0)] });
    });

    it("pages 60 rows in key order with a composite $skiptoken such as '72',6,2026 (dotnet PR #53's form)", async () => {
      await start();
      // Two more sales journals (72, 73) through a restored snapshot: 4 journals × 24 periods = 96 rows.
      const state = (await backOffice(mock).get('/__mock/state')).body;
      const invoices = Object.values(state.journals as Record<string, { division: number; code: string }>).find(
        (j) => j.division === 100001 && j.code === '70',
      )!;
      for (const [n, code] of [
        [1, '72'],
        [2, '73'],
      ] as const) {
        const id = `00000000-0000-4000-8000-0000000000a${n}`;
        state.journals[id] = { ...invoices, id, code };
      }
      expect((await backOffice(mock).put('/__mock/state').send(state)).status).toBe(200);

      const first = await api.get('read/financial/JournalStatusList?$select=Journal,Period,Year');
      expect(first.body.d.results).toHaveLength(60);
      expect(first.body.d.results.at(-1)).toMatchObject({ Journal: '72', Period: 6, Year: 2026 });
      expect(decodeURIComponent(first.body.d.__next)).toBe(
        `${mock.url}/api/v1/100001/read/financial/JournalStatusList?$select=Journal,Period,Year&$skiptoken='72',6,2026`,
      );
      const second = await api.follow(first.body.d.__next);
      expect(second.body.d.results).toHaveLength(36);
      expect(second.body.d.results[0]).toMatchObject({ Journal: '72', Period: 7, Year: 2025 });
      expect(second.body.d.__next).toBeUndefined();
    });
  });

  describe('exact-api.md §4 and §6: bulk/ endpoints page by 1000 and ask for $select or $top=1', () => {
    const PLEASE = envelope('Please add a $select or a $top=1 statement to the query string.');

    it.each(['bulk/CRM/Accounts', 'bulk/Financial/GLAccounts', 'bulk/Financial/TransactionLines'])(
      "%s without $select or $top=1 is 400 with Exact's text",
      async (path) => {
        await start();
        for (const query of ['', '?$top=5', '?$filter=Division eq 100001']) {
          const answer = await api.get(`${path}${query}`);
          expect(answer.status, query).toBe(400);
          expect(answer.body, query).toEqual(PLEASE);
        }
        expect((await api.get(`${path}?$top=1`)).status).toBe(200);
        expect((await api.get(`${path}?$select=ID`)).status).toBe(200);
      },
    );

    it('bulk/CRM/Accounts: the accounts of crm/Accounts; $top=1 a bare array; the mandatory filter applies when on', async () => {
      await start();
      const list = await api.get('bulk/CRM/Accounts?$select=Code,Name&$orderby=Code');
      expect(list.body.d.results.map((a: { Code: string }) => a.Code.trim())).toEqual(['1', '2', '3', '4']);
      expect(list.body.d.results[0].__metadata.type).toBe('Exact.Web.Api.Models.BulkCRMAccount');
      expect((await api.get('bulk/CRM/Accounts?$top=1&$orderby=Code')).body.d[0]).toMatchObject({ Name: 'Brouwerij De Kroon' });
      expect((await api.post('bulk/CRM/Accounts', { Name: 'No' })).status).toBe(405);
      await mock.close();
      ({ mock, api } = await startConnected({ mandatoryAccountFilter: true }));
      expect((await api.get('bulk/CRM/Accounts?$select=Code')).status).toBe(400);
      expect((await api.get("bulk/CRM/Accounts?$select=Code&$filter=Name eq 'Delta Logistics'")).body.d.results).toHaveLength(1);
    });

    it('bulk/Financial/TransactionLines pages 1000 rows, keyed by ID; bulk/Financial/GLAccounts lists the chart', async () => {
      await start();
      const lines = Array.from({ length: 1000 }, (_, i) => ({ GLAccount: ids.gl['700000'], AmountFC: i + 1, VATCode: '0' }));
      const id = await bookEntry({ SalesEntryLines: lines });
      const first = await api.get('bulk/Financial/TransactionLines?$select=ID,LineNumber,EntryID');
      expect(first.body.d.results).toHaveLength(1000);
      expect(first.body.d.__next).toContain('$skiptoken=guid');
      const rest = await api.follow(first.body.d.__next);
      expect(rest.body.d.results).toHaveLength(1);
      const all = [...first.body.d.results, ...rest.body.d.results];
      expect(new Set(all.map((l: { ID: string }) => l.ID)).size).toBe(1001);
      expect(all.every((l: { EntryID: string }) => l.EntryID === id)).toBe(true);
      const receivable = await api.get(`bulk/Financial/TransactionLines(guid'${id}')`);
      expect(receivable.body.d).toMatchObject({ LineNumber: 0, EntryNumber: 1001 });
      const chart = await api.get('bulk/Financial/GLAccounts?$select=Code,Type&$filter=Type eq 110');
      expect(chart.body.d.results.map((g: { Code: string }) => g.Code)).toEqual(expect.arrayContaining(['700000', '705000', '708000']));
    });
  });
});
