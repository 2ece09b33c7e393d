'use strict';

/** Default REST router of participantes. */
const { factories } = require('@strapi/strapi');

module.exports = factories.createCoreRouter('api::participante.participante');
