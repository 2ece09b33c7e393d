'use strict';

/** Default REST router of asistencias. */
const { factories } = require('@strapi/strapi');

module.exports = factories.createCoreRouter('api::asistencia.asistencia');
