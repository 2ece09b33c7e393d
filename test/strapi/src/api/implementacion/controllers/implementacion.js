'use strict';

/** Default REST controller of implementaciones. */
const { factories } = require('@strapi/strapi');

module.exports = factories.createCoreController('api::implementacion.implementacion');
