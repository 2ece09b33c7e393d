'use strict';

/** Default REST router of modulos. */
const { factories } = require('@strapi/strapi');

module.exports = factories.createCoreRouter('api::modulo.modulo');
