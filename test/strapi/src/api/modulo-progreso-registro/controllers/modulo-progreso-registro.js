'use strict';

/** Default REST controller of modulo-progreso-registros. */
const { factories } = require('@strapi/strapi');

module.exports = factories.createCoreController('api::modulo-progreso-registro.modulo-progreso-registro');
