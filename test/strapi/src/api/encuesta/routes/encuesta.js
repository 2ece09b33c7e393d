'use strict';

/** Default REST router of encuestas. */
const { factories } = require('@strapi/strapi');

module.exports = factories.createCoreRouter('api::encuesta.encuesta');
