import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, makeAssociation, signedInAgent, type Agent, type TestContext } from '../../../test/app.js';
import type { AssociationRow } from '../associations/repository.js';
import { rainwaterCourse } from './catalogue-test-data.js';

/** A 1×1 PNG. */
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5dd5b6b0000000049454e44ae426082',
  'hex',
);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
/** The start of a Windows program: the "MZ" header, then a DOS stub. */
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(254)]);

let ctx: TestContext;
let uz: AssociationRow;
let kz: AssociationRow;
let staff: Agent;
let kzStaff: Agent;
let publishedId: string;
let draftId: string;

function multipart(fields: Record<string, string>, fileName: string, content: Buffer) {
  const boundary = `----usta${crypto.randomBytes(8).toString('hex')}`;
  const parts = Object.entries(fields).map(([name, value]) =>
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
  );
  const payload = Buffer.concat([
    ...parts,
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/pdf\r\n\r\n`),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

function upload(agent: Agent, courseId: string, fields: Record<string, string>, fileName: string, content: Buffer, lang = 'en') {
  return agent.request({ method: 'POST', url: `/api/v1/courses/${courseId}/materials/files?lang=${lang}`, ...multipart(fields, fileName, content) });
}

beforeAll(async () => {
  ctx = await createTestApp();
  uz = await makeAssociation(ctx);
  kz = await makeAssociation(ctx);
  staff = await signedInAgent(ctx, { roles: [[uz.id, 'staff']] });
  kzStaff = await signedInAgent(ctx, { roles: [[kz.id, 'staff']] });
  publishedId = (await staff.request({ method: 'POST', url: '/api/v1/courses', payload: rainwaterCourse(uz.id) })).json<{ id: string }>().id;
  draftId = (await staff.request({ method: 'POST', url: '/api/v1/courses', payload: rainwaterCourse(uz.id, { code: 'DRAFT', status: 'draft' }) })).json<{ id: string }>().id;
});
afterAll(async () => ctx.close());

describe('course materials', () => {
  it('adds links, and refuses addresses that are not web links', async () => {
    const res = await staff.request({
      method: 'POST',
      url: `/api/v1/courses/${publishedId}/materials`,
      payload: { title: { en: 'SuDS manual', ru: 'Руководство SuDS' }, url: 'https://www.susdrain.org/resources/SuDS_Manual.html', visibility: 'public' },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ kind: 'link', file: null, visibility: 'public', position: 0 });

    const script = await staff.request({
      method: 'POST',
      url: `/api/v1/courses/${publishedId}/materials?lang=kk`,
      payload: { title: {}, url: 'javascript:alert(1)' },
    });
    expect(script.statusCode).toBe(400);
    expect(script.json().error.fields).toEqual({
      title: 'Кемінде бір тілде толтырыңыз.',
      url: expect.any(String),
    });
  });

  it('recognises a file by its content, not its name, and keeps it under the right extension', async () => {
    const res = await upload(staff, publishedId, { title: JSON.stringify({ en: 'Site photo', uz: 'Obyekt surati' }), visibility: 'public' }, 'handout.pdf', PNG);
    expect(res.statusCode, res.body).toBe(201);
    const material = res.json();
    expect(material).toMatchObject({
      kind: 'file',
      title: { en: 'Site photo', uz: 'Obyekt surati' },
      file: { fileName: 'handout.png', contentType: 'image/png', size: PNG.length },
      position: 1,
    });

    const download = await ctx.app.inject({ method: 'GET', url: material.file.downloadUrl });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('image/png');
    expect(download.headers['content-disposition']).toBe("attachment; filename*=UTF-8''handout.png");
    expect(download.rawPayload.equals(PNG)).toBe(true);
  });

  it('names an untitled file after itself in the uploader’s language', async () => {
    const res = await upload(staff, publishedId, {}, 'Лекция 1.PDF', PDF, 'ru');
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ title: { ru: 'Лекция 1.pdf' }, visibility: 'participants', file: { contentType: 'application/pdf' } });
  });

  it('refuses a program, whatever it is called, and writes nothing', async () => {
    const res = await upload(staff, publishedId, { title: 'Tool' }, 'slides.pdf', EXE, 'lv');
    expect(res.statusCode).toBe(415);
    expect(res.json().error).toMatchObject({
      code: 'unsupported_file',
      fields: { file: 'Šāda veida fails šeit netiek pieņemts. Augšupielādējiet PDF, biroja dokumentu, attēlu vai video.' },
    });
    const course = await staff.request({ method: 'GET', url: `/api/v1/courses/${publishedId}` });
    expect(course.json().materials.map((m: { title: { en?: string } }) => m.title.en)).not.toContain('Tool');
    const empty = await upload(staff, publishedId, {}, 'empty.pdf', Buffer.alloc(0));
    expect(empty.statusCode).toBe(400);
  });

  it('lets anyone download public files of published courses, and only members the rest', async () => {
    const internal = (await upload(staff, publishedId, { title: 'Answers', visibility: 'participants' }, 'answers.pdf', PDF)).json();
    const draftFile = (await upload(staff, draftId, { title: 'Draft handout', visibility: 'public' }, 'draft.pdf', PDF)).json();

    expect((await ctx.app.inject({ method: 'GET', url: internal.file.downloadUrl })).statusCode).toBe(404);
    expect((await kzStaff.request({ method: 'GET', url: internal.file.downloadUrl })).statusCode).toBe(404);
    expect((await staff.request({ method: 'GET', url: internal.file.downloadUrl })).statusCode).toBe(200);
    expect((await ctx.app.inject({ method: 'GET', url: draftFile.file.downloadUrl })).statusCode).toBe(404);
    const wrongCourse = `/api/v1/courses/${draftId}/materials/${internal.id}/file`;
    expect((await staff.request({ method: 'GET', url: wrongCourse })).statusCode).toBe(404);

    const outsiderView = await ctx.app.inject({ method: 'GET', url: `/api/v1/courses/${publishedId}` });
    const titles = outsiderView.json().materials.map((m: { title: { en?: string } }) => m.title.en);
    expect(titles).toContain('Site photo');
    expect(titles).not.toContain('Answers');
  });

  it('lets staff of the association alone change and remove materials', async () => {
    const link = (
      await staff.request({ method: 'POST', url: `/api/v1/courses/${publishedId}/materials`, payload: { title: { en: 'Old' }, url: 'https://example.org/a' } })
    ).json();
    const foreign = await kzStaff.request({ method: 'PATCH', url: `/api/v1/courses/${publishedId}/materials/${link.id}`, payload: { visibility: 'public' } });
    expect(foreign.statusCode).toBe(403);
    const foreignUpload = await upload(kzStaff, publishedId, {}, 'x.pdf', PDF);
    expect(foreignUpload.statusCode).toBe(403);

    const renamed = await staff.request({
      method: 'PATCH',
      url: `/api/v1/courses/${publishedId}/materials/${link.id}`,
      payload: { title: { en: 'New', lv: 'Jauns' }, visibility: 'public', position: 0 },
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({ title: { en: 'New', lv: 'Jauns' }, visibility: 'public', position: 0 });

    expect((await kzStaff.request({ method: 'DELETE', url: `/api/v1/courses/${publishedId}/materials/${link.id}` })).statusCode).toBe(403);
    expect((await staff.request({ method: 'DELETE', url: `/api/v1/courses/${publishedId}/materials/${link.id}` })).statusCode).toBe(204);
    expect((await staff.request({ method: 'DELETE', url: `/api/v1/courses/${publishedId}/materials/${link.id}` })).statusCode).toBe(404);
  });
});
