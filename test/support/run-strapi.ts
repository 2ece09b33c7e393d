// Starts the local Strapi on a free loopback port with a fresh database and
// keeps it running until Ctrl-C or SIGTERM (to the pid it prints), which
// stop the server and remove its folder. Prints where it listens and the
// command that loads into it (the token itself is never printed).
import { join } from 'node:path';
import { startStrapi } from './strapi.js';

const strapi = await startStrapi({ keepDataDir: false });
const tokenFile = join(strapi.dataDir, 'api-token');
console.info(`Strapi listens on ${strapi.baseUrl}`);
console.info('Load into it with:');
console.info(
  `  STRAPI_TOKEN=$(cat ${tokenFile}) npx apilados ingest <file.csv> --strapi ${strapi.baseUrl}`,
);
console.info(`Stop it with Ctrl-C, or kill ${process.pid} (not the server's own pid).`);
const stop = () => void strapi.stop().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
// A server stopped from outside ends this process too, folder removed.
const watch = setInterval(() => {
  try {
    process.kill(strapi.pid, 0);
  } catch {
    clearInterval(watch);
    stop();
  }
}, 1_000);
