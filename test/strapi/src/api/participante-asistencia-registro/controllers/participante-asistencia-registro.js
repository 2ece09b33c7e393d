'use strict';

/** Default REST controller of participante-asistencia-registros. */
const { factories } = require('@strapi/strapi');

module.exports = factories.createCoreController('api::participante-asistencia-registro.participante-asistencia-registro');
