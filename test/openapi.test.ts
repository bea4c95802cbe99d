import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OPENAPI_FILE } from '../src/platform/http/openapi.js';
import { openApiDocument } from '../scripts/openapi-document.js';

describe('the committed OpenAPI document', () => {
  it('matches the API the code declares', async () => {
    const live = await openApiDocument();
    const committed = fs.existsSync(OPENAPI_FILE) ? fs.readFileSync(OPENAPI_FILE, 'utf8') : '';
    expect(committed, 'docs/api/openapi.json is stale: run `npm run openapi:write` and commit the result').toBe(live);
  });

  it('documents the API routes, with their error responses', async () => {
    const document = JSON.parse(await openApiDocument()) as {
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
    };
    expect(Object.keys(document.paths)).toContain('/api/v1/session');
    expect(Object.keys(document.paths['/api/v1/session']!.post!.responses)).toEqual(expect.arrayContaining(['200', '400', '401']));
  });
});
