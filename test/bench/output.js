'use strict';
// What the benchmark runners share: their progress lines, and the figures a benchmark prints as
// one JSON line each (starting with {"bench").
const say = (text) => console.log(`[bench] ${text}`);

function jsonLines(text) {
	return text
		.split('\n')
		.filter((line) => line.startsWith('{"bench"'))
		.map((line) => JSON.parse(line));
}

module.exports = { jsonLines, say };
