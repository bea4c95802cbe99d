// Writes the committed copy of the OpenAPI document (docs/api/openapi.json): `npm run openapi:write`.
import fs from 'node:fs';
import path from 'node:path';
import { OPENAPI_FILE } from '../src/platform/http/openapi.js';
import { openApiDocument } from './openapi-document.js';

const document = await openApiDocument();
fs.mkdirSync(path.dirname(OPENAPI_FILE), { recursive: true });
const before = fs.existsSync(OPENAPI_FILE) ? fs.readFileSync(OPENAPI_FILE, 'utf8') : null;
fs.writeFileSync(OPENAPI_FILE, document);
const paths = Object.keys((JSON.parse(document) as { paths?: object }).paths ?? {}).length;
process.stdout.write(`${before === document ? 'Unchanged' : 'Wrote'} ${path.relative(process.cwd(), OPENAPI_FILE)} (${paths} paths).\n`);
