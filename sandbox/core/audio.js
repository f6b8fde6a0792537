'use strict';
// Recordings the fakes hand out: a short silent WAV, enough for a binary download to be checked byte for byte.
const { reply } = require('./http');

function silentWav(milliseconds = 100) {
	const sampleRate = 8000;
	const samples = Math.round((sampleRate * milliseconds) / 1000);
	const buffer = Buffer.alloc(44 + samples * 2);
	buffer.write('RIFF', 0);
	buffer.writeUInt32LE(36 + samples * 2, 4);
	buffer.write('WAVEfmt ', 8);
	buffer.writeUInt32LE(16, 16);
	buffer.writeUInt16LE(1, 20);
	buffer.writeUInt16LE(1, 22);
	buffer.writeUInt32LE(sampleRate, 24);
	buffer.writeUInt32LE(sampleRate * 2, 28);
	buffer.writeUInt16LE(2, 32);
	buffer.writeUInt16LE(16, 34);
	buffer.write('data', 36);
	buffer.writeUInt32LE(samples * 2, 40);
	return buffer;
}

/** The answer of a presigned recording link: the audio while the recording exists, else 404. */
function recordingFile(exists) {
	return exists ? reply(200, silentWav(), { 'content-type': 'audio/wav' }) : reply(404, { error: 'expired or unknown' });
}

module.exports = { silentWav, recordingFile };
