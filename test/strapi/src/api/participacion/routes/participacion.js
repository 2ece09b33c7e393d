'use strict';

/** Default REST router of participaciones. */
const { factories } = require('@strapi/strapi');

module.exports = factories.createCoreRouter('api::participacion.participacion');
