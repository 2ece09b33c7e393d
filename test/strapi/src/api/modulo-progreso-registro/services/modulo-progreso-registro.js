'use strict';

/** Default REST service of modulo-progreso-registros. */
const { factories } = require('@strapi/strapi');

module.exports = factories.createCoreService('api::modulo-progreso-registro.modulo-progreso-registro');
