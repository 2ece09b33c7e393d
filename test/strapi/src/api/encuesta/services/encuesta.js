'use strict';

/** Default REST service of encuestas. */
const { factories } = require('@strapi/strapi');

module.exports = factories.createCoreService('api::encuesta.encuesta');
