'use strict';
// A real n8n for the end-to-end tests, the demo and the benchmarks (see instance.js).
const { parseRunOutput } = require('./cli');
const { CACHE, ensureN8n, selectedVersions, versions } = require('./install');
const { N8nInstance } = require('./instance');

module.exports = { CACHE, N8nInstance, ensureN8n, parseRunOutput, selectedVersions, versions };
