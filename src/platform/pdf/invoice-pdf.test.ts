import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { renderInvoicePdf } from './invoice-pdf.js';
import type { InvoiceDocumentInput } from './invoice-types.js';
import { readCertificateText } from './visible-fields.js';

function sampleInvoice(overrides: Partial<InvoiceDocumentInput> = {}): InvoiceDocumentInput {
  return {
    locale: 'ru-RU',
    issuer: { name: 'Ассоциация инженеров-экологов Узбекистана', lines: ['Узбекистан'] },
    number: 'ACEC-UZ-2026-000017',
    issuedOn: '2026-05-02',
    dueOn: '2026-05-11',
    billTo: { name: 'Ғуломов Ўктам Шавкатович', latinName: 'Gʻulomov Oʻktam Shavkatovich', lines: ['ООО «Сувсоз»', 'oktam@example.uz'] },
    lines: [{ description: 'Участие в курсе «Зелёные решения для управления дождевыми водами»', details: ['Ташкент, 12–14 мая 2026 г.'], amount: 1_500_000 }],
    currency: 'UZS',
    labels: { title: 'Счёт', number: 'Номер счёта', issuedOn: 'Дата выставления', dueOn: 'Оплатить до', billedTo: 'Плательщик', description: 'Описание', amount: 'Сумма', total: 'Итого к оплате' },
    note: 'При оплате укажите номер счёта ACEC-UZ-2026-000017.',
    acknowledgement: 'Обучение финансируется Европейским союзом.',
    producedAt: new Date('2026-05-02T10:00:00Z'),
    ...overrides,
  };
}

async function text(input: InvoiceDocumentInput): Promise<string> {
  return (await readCertificateText(await renderInvoicePdf(input))).text.join('\n');
}

describe('renderInvoicePdf', () => {
  it('prints names, labels, dates and amounts that extract exactly', async () => {
    const extracted = await text(sampleInvoice());
    expect(extracted).toContain('Ғуломов Ўктам Шавкатович');
    expect(extracted).toContain('Gʻulomov Oʻktam Shavkatovich');
    expect(extracted).toContain('СЧЁТ');
    expect(extracted).toContain('Оплатить до');
    expect(extracted).toContain('ACEC-UZ-2026-000017');
    expect(extracted).toContain('11 мая 2026 г.');
    expect(extracted.replace(/\s/g, ' ')).toContain('1 500 000,00 UZS');
    expect(extracted).toContain('Обучение финансируется Европейским союзом.');
  });

  it('formats in the document locale and shows a status box', async () => {
    const extracted = await text(
      sampleInvoice({
        locale: 'lv-LV',
        billTo: { name: 'Ķīļu Ģirts Šūņa-Žagare' },
        currency: 'EUR',
        lines: [{ description: 'Lietusūdens apsaimniekošana', amount: 250 }],
        labels: { title: 'Rēķins', number: 'Numurs', issuedOn: 'Izrakstīts', dueOn: 'Apmaksāt līdz', billedTo: 'Maksātājs', description: 'Apraksts', amount: 'Summa', total: 'Kopā' },
        status: { title: 'Apmaksāts', tone: 'paid', facts: [{ label: 'Apmaksas datums', date: '2026-05-09' }, { label: 'Atsauce', text: 'LV-PAY-77' }] },
      }),
    );
    expect(extracted).toContain('Ķīļu Ģirts Šūņa-Žagare');
    expect(extracted).toContain('APMAKSĀTS');
    expect(extracted).toContain('2026. gada 9. maijs');
    expect(extracted).toContain('LV-PAY-77');
    expect(extracted.replace(/\s/g, ' ')).toContain('250,00 €');
  });

  it('refuses a character the fonts lack, naming the field', async () => {
    const failure = await renderInvoicePdf(sampleInvoice({ billTo: { name: '王小明' } })).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(AppError);
    expect((failure as AppError).details.fields).toHaveProperty(['billTo.name']);
  });

  it('refuses a date that is not a calendar day', async () => {
    const failure = await renderInvoicePdf(sampleInvoice({ dueOn: '2026-02-30' })).catch((error: unknown) => error);
    expect((failure as AppError).details.fields).toHaveProperty(['dueOn']);
  });
});
