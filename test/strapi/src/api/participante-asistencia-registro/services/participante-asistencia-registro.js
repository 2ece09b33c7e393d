'use strict';

/** Default REST service of participante-asistencia-registros. */
const { factories } = require('@strapi/strapi');

module.exports = factories.createCoreService('api::participante-asistencia-registro.participante-asistencia-registro');
