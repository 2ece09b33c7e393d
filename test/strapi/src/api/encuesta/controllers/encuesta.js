'use strict';

/** Default REST controller of encuestas. */
const { factories } = require('@strapi/strapi');

module.exports = factories.createCoreController('api::encuesta.encuesta');
