'use strict';

/** REST paging: 100 entries a page unless asked, at most 1000. */
module.exports = {
  rest: {
    defaultLimit: 100,
    maxLimit: 1000,
    withCount: true,
  },
};
