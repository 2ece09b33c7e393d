'use strict';

/** Default REST router of trabajos. */
const { factories } = require('@strapi/strapi');

module.exports = factories.createCoreRouter('api::trabajo.trabajo');
