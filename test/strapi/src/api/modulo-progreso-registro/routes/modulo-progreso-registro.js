'use strict';

/** Default REST router of modulo-progreso-registros. */
const { factories } = require('@strapi/strapi');

module.exports = factories.createCoreRouter('api::modulo-progreso-registro.modulo-progreso-registro');
