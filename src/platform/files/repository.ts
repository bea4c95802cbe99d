import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { files } from './tables.js';

export interface FileMeta {
  id: string;
  associationId: string | null;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  createdAt: Date;
}

export interface NewFile {
  associationId: string | null;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  content: Buffer;
  createdBy: string | null;
}

const metaColumns = {
  id: files.id,
  associationId: files.associationId,
  fileName: files.fileName,
  contentType: files.contentType,
  size: files.size,
  sha256: files.sha256,
  createdAt: files.createdAt,
};

export async function insertFile(db: DbOrTx, values: NewFile): Promise<FileMeta> {
  const rows = await db.insert(files).values(values).returning(metaColumns);
  return rows[0]!;
}

export async function findFileContent(db: DbOrTx, id: string): Promise<(FileMeta & { content: Buffer }) | null> {
  const rows = await db
    .select({ ...metaColumns, content: files.content })
    .from(files)
    .where(eq(files.id, id))
    .limit(1);
  return rows[0] ?? null;
}

export async function deleteFile(db: DbOrTx, id: string): Promise<void> {
  await db.delete(files).where(eq(files.id, id));
}
