const { src, dest } = require('gulp');

/** Copies node and credential icons next to their compiled files. */
function copyIcons() {
	return src(['nodes/**/*.{png,svg}', 'credentials/**/*.{png,svg}'], { base: '.', encoding: false }).pipe(
		dest('dist'),
	);
}

/** Copies the codex files (*.node.json) that give n8n a node's categories and links. */
function copyCodex() {
	return src('nodes/**/*.node.json', { base: '.' }).pipe(dest('dist'));
}

exports['build:icons'] = async function buildAssets() {
	await new Promise((resolve, reject) => copyIcons().on('end', resolve).on('error', reject));
	await new Promise((resolve, reject) => copyCodex().on('end', resolve).on('error', reject));
};
