'use strict';

const path = require('node:path');

/**
 * SQLite database; DATABASE_FILENAME names the file so that every test run
 * can start from an empty database of its own.
 */
module.exports = ({ env }) => ({
  connection: {
    client: 'sqlite',
    connection: {
      filename: path.resolve(
        env('DATABASE_FILENAME', path.join(__dirname, '..', '.tmp', 'data.db')),
      ),
    },
    useNullAsDefault: true,
  },
});
