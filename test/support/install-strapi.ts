// Installs the local Strapi's own dependencies (test/strapi) once, from its
// package-lock.json; later calls return at once. Used by CI before the tests.
import { ensureStrapiInstalled } from './strapi.js';

await ensureStrapiInstalled();
console.info('test/strapi is installed');
