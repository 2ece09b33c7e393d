'use strict';

/** Default REST router of trabajo-realizado-registros. */
const { factories } = require('@strapi/strapi');

module.exports = factories.createCoreRouter('api::trabajo-realizado-registro.trabajo-realizado-registro');
