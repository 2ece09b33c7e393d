'use strict';

/** Default REST controller of participantes. */
const { factories } = require('@strapi/strapi');

module.exports = factories.createCoreController('api::participante.participante');
