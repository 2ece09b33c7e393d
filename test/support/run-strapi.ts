// Starts the local Strapi on a free loopback port with a fresh database and
// keeps it running until Ctrl-C. Prints where it listens and where its API
// token is (the token itself is never printed).
import { join } from 'node:path';
import { startStrapi } from './strapi.js';

const strapi = await startStrapi({ keepDataDir: false });
console.info(`Strapi listens on ${strapi.baseUrl} (pid ${strapi.pid})`);
console.info(`API token file: ${join(strapi.dataDir, 'api-token')}`);
console.info('Load into it with:');
console.info(`  STRAPI_TOKEN=$(cat <token file>) npx apilados ingest <file.csv> --strapi ${strapi.baseUrl}`);
console.info('Ctrl-C stops it.');
const stop = () => void strapi.stop().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
setInterval(() => undefined, 1 << 30);
