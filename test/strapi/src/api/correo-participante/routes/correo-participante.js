'use strict';

/** Default REST router of correo-participantes. */
const { factories } = require('@strapi/strapi');

module.exports = factories.createCoreRouter('api::correo-participante.correo-participante');
