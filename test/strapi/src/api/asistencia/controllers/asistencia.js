'use strict';

/** Default REST controller of asistencias. */
const { factories } = require('@strapi/strapi');

module.exports = factories.createCoreController('api::asistencia.asistencia');
