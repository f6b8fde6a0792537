// Removes the previous build so that files deleted from the source never linger in the package.
const { rmSync } = require('node:fs');
const path = require('node:path');

rmSync(path.join(__dirname, '..', 'dist'), { recursive: true, force: true });
