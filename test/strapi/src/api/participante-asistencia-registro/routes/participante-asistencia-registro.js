'use strict';

/** Default REST router of participante-asistencia-registros. */
const { factories } = require('@strapi/strapi');

module.exports = factories.createCoreRouter('api::participante-asistencia-registro.participante-asistencia-registro');
