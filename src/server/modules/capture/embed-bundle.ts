import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { AppError } from '../../../domain/errors/app-error.js';

/**
 * A built embed script (dist/embed/<file>), read on first use and kept: `lazyBundle('chat.js')()`.
 * Before `npm run build` it answers 404 with how to build it, rather than failing the app's start.
 */
export function lazyBundle(file: string): () => string {
  // Same path from src/server/modules/capture (tests) and dist/server/modules/capture (built).
  const path = fileURLToPath(new URL(`../../../../dist/embed/${file}`, import.meta.url));
  let text: string | undefined;
  return () => {
    if (text === undefined) {
      if (!existsSync(path)) {
        throw new AppError(
          'not_found',
          `The embed script ${file} is not built yet: run \`npm run build\` (npm start does it)`,
        );
      }
      text = readFileSync(path, 'utf8');
    }
    return text;
  };
}
