'use strict';
// Redis and PostgreSQL from Debian's packages, for n8n's queue mode in the tests (tools/n8n/queue.js).
const { startPostgres } = require('./postgres');
const { startRedis } = require('./redis');

module.exports = { startPostgres, startRedis };
