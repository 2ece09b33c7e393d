'use strict';

/** Default REST router of implementaciones. */
const { factories } = require('@strapi/strapi');

module.exports = factories.createCoreRouter('api::implementacion.implementacion');
