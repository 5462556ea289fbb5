// Reading article files (CONTRACT §2 JSON) from files and folders, for the local
// runtime's seeding and for `npm run ingest`.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** The `.json` files named, and those directly inside the folders named, sorted. */
export async function articleFiles(paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    if ((await stat(path)).isDirectory()) {
      const names = (await readdir(path)).filter((n) => n.endsWith('.json')).sort();
      files.push(...names.map((n) => join(path, n)));
    } else {
      files.push(path);
    }
  }
  return files;
}

export const readArticle = (file: string): Promise<string> => readFile(file, 'utf8');
