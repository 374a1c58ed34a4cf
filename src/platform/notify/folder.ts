import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

// In development messages are written to a folder, one file a message, named by its id. The file
// is written whole under another name and then renamed, so no reader sees it half written, and a
// message sent again replaces its file.
export async function writeMessageFile(folder: string, id: string, message: object): Promise<void> {
  await mkdir(folder, { recursive: true });
  const file = join(folder, `${id}.json`);
  const partial = `${file}.${randomUUID()}.partial`;
  await writeFile(partial, JSON.stringify(message, null, 2));
  await rename(partial, file);
}

// The newest messages in a development folder (ids are time-ordered, so names sort by age).
export async function readMessageFiles<Message>(folder: string, limit: number): Promise<Message[]> {
  const names = await readdir(folder).catch(() => [] as string[]);
  const newest = names
    .filter((name) => name.endsWith('.json'))
    .sort()
    .reverse()
    .slice(0, limit);
  return Promise.all(
    newest.map(async (name) => JSON.parse(await readFile(join(folder, name), 'utf8')) as Message),
  );
}
