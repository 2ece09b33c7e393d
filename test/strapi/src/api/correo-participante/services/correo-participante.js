'use strict';

/** Default REST service of correo-participantes. */
const { factories } = require('@strapi/strapi');

module.exports = factories.createCoreService('api::correo-participante.correo-participante');
