'use strict';

/** Default REST service of asistencias. */
const { factories } = require('@strapi/strapi');

module.exports = factories.createCoreService('api::asistencia.asistencia');
