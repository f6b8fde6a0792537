'use strict';
// The real-n8n driver lives in tools/n8n/. This re-export remains only for test/unit/runOutput.test.ts,
// which imports parseRunOutput from here and belongs to the concurrent nodes/ and test/unit/ rework:
// point that import at tools/n8n/cli, then delete this file.
module.exports = require('../../tools/n8n');
